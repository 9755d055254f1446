using HetaoSite.Core.Evaluation;

namespace HetaoSite.Core.Tests.Evaluation;

/// <summary>The scorer on a hand-made build and gold small enough to count by eye.</summary>
public class DevSetEvaluatorTests
{
    private const string A = "a.txt";
    private const string B = "b.txt";

    private static readonly GoldArticle GoldA = new(A, "a.txt.yml", "2024-06-13", null, "Hant",
        [
            new GoldEvent("2024-06-12", "分園開園", "香港科學園深圳分園開園", false, 5),
            new GoldEvent("2023-08", "國務院印發", "國務院印發深圳園區發展規劃", false, 8),
        ],
        [new GoldNonEvent("6月11日拍攝", "caption", 11)]);

    private static readonly GoldArticle GoldB = new(B, "b.txt.yml", "2024-06", null, "Hans",
        [new GoldEvent("2017-01", "签署合作备忘录", "港深签署合作备忘录", false, 5)], []);

    private const string TextA = "12日，香港科學園深圳分園開園。\n去年8月國務院印發規劃。\n6月11日拍攝的園區。";
    private const string TextB = "2017年1月，港深签署合作备忘录。";

    private static DevSetOutput Output(params BuiltEvent[] events) => new(events,
    [
        new BuiltArticle(A, "2024-06-13", TextA, "頁面 " + TextA),
        new BuiltArticle(B, "2024-06-02", TextB, TextB),
    ]);

    private static readonly BuiltEvent Opening = new("2024-06-12", "香港科學園深圳分園開園", [new BuiltSource(A, "12日，香港科學園深圳分園開園。")]);

    // The right sentence at the wrong date: the gold event is missed and the pair is a false positive.
    private static readonly BuiltEvent PlanWrongDate = new("2023", "國務院印發規劃", [new BuiltSource(A, "去年8月國務院印發規劃。")]);

    private static readonly BuiltEvent Caption = new("2024-06-11", "6月11日拍攝的園區", [new BuiltSource(A, "6月11日拍攝的園區。")]);

    // One event stated by both articles: two pairs; it matches b's gold, and a's gold has no 2017-01 event.
    private static readonly BuiltEvent Memorandum = new("2017-01", "港深签署合作备忘录",
        [new BuiltSource(B, "2017年1月，港深签署合作备忘录。"), new BuiltSource(A, "12日，香港科學園深圳分園開園。")]);

    private static DevSetScore Score(params BuiltEvent[] events) =>
        DevSetEvaluator.Evaluate(Output(events), [GoldA, GoldB]);

    [Fact]
    public void A_gold_event_is_found_by_an_event_whose_sentence_holds_the_key_at_the_gold_date()
    {
        var score = Score(Opening, PlanWrongDate, Memorandum);

        Assert.Equal(3, score.GoldEvents);
        Assert.Equal(2, score.Found);
        var missed = Assert.Single(score.Missed);
        Assert.Equal(("國務院印發", "2023-08"), (missed.Key, missed.Date));
        Assert.Equal(["2023"], missed.FoundAs);
        Assert.Equal(2.0 / 3, score.Recall, 6);
    }

    [Fact]
    public void Every_event_article_pair_without_a_matching_gold_event_is_a_false_positive()
    {
        var score = Score(Opening, PlanWrongDate, Caption, Memorandum);

        // Pairs: Opening/a, PlanWrongDate/a, Caption/a, Memorandum/b, Memorandum/a.
        Assert.Equal(5, score.Pairs);
        Assert.Equal(
            [(A, "2023"), (A, "2024-06-11"), (A, "2017-01")],
            score.FalsePositives.Select(f => (f.FileName, f.Date)).ToList());
        Assert.Equal("caption", score.FalsePositives.Single(f => f.Date == "2024-06-11").NonEvent);
        Assert.Equal(2.0 / 5, score.Precision, 6);
    }

    [Fact]
    public void A_miss_says_why_when_the_build_tells()
    {
        var output = new DevSetOutput([Opening],
            [new BuiltArticle(A, "2024-06-13", TextA, TextA, [new BuiltDrop("6月11日拍攝的園區。", "6月11日", "caption"), new BuiltDrop("去年8月國務院印發規劃。", "去年8月", "not_about_zone (no zone named)")])]);

        var score = DevSetEvaluator.Evaluate(output, [GoldA, GoldB]);

        Assert.Equal(
            [("國務院印發", "not_about_zone (no zone named) [去年8月]", "not_about_zone"), ("签署合作备忘录", "article not built", "article not built")],
            score.Missed.Select(m => (m.Key, m.Cause, m.CauseKind)).ToList());
    }

    [Fact]
    public void A_finer_date_counts_only_when_another_article_gave_it()
    {
        var refinedHere = new BuiltEvent("2023-08-08", "國務院印發規劃", [new BuiltSource(A, "去年8月國務院印發規劃。")]);
        var refinedByB = refinedHere with { Sources = [.. refinedHere.Sources, new BuiltSource(B, "2023年8月8日，国务院印发规划。")] };

        var alone = Score(Opening, refinedHere);
        var merged = Score(Opening, refinedByB);

        Assert.Contains(alone.Missed, m => m.Key == "國務院印發");
        Assert.Contains(alone.FalsePositives, f => f.Date == "2023-08-08");
        Assert.DoesNotContain(merged.Missed, m => m.Key == "國務院印發");
        Assert.DoesNotContain(merged.FalsePositives, f => f.FileName == A);
    }

    [Fact]
    public void A_publication_date_counts_only_when_it_equals_the_gold()
    {
        var score = Score(Opening);

        Assert.Equal(1, score.PublishedCorrect);
        var wrong = Assert.Single(score.WrongPublished);
        Assert.Equal((B, "2024-06", "2024-06-02"), (wrong.FileName, wrong.Expected, wrong.Actual));
    }

    [Fact]
    public void An_article_the_build_skipped_has_no_publication_date()
    {
        var score = DevSetEvaluator.Evaluate(new DevSetOutput([], [new BuiltArticle(B, "2024-06", TextB, TextB)]), [GoldA, GoldB]);

        Assert.Equal(new WrongPublished(A, "2024-06-13", null), Assert.Single(score.WrongPublished));
        Assert.Equal(0, score.Found);
    }

    [Fact]
    public void Titles_of_events_from_the_set_are_checked()
    {
        var score = Score(Opening, Caption with { Title = "上午" });

        Assert.Equal(2, score.Titles);
        var fault = Assert.Single(score.TitleFaults);
        Assert.Equal("上午", fault.Title);
        Assert.Contains("only a time word", fault.Faults);
    }

    [Fact]
    public void A_quotation_must_be_verbatim_in_the_text_and_on_the_page()
    {
        var converted = new BuiltEvent("2017-01", "港深签署合作备忘录", [new BuiltSource(B, "2017年1月，港深簽署合作備忘錄。")]);
        var output = Output(Opening) with
        {
            Articles = [new BuiltArticle(A, "2024-06-13", TextA, "頁面只有轉換過的文字"), new BuiltArticle(B, "2024-06", TextB, TextB)],
            Events = [Opening, converted],
        };

        var score = DevSetEvaluator.Evaluate(output, [GoldA, GoldB]);

        Assert.Equal(2, score.Quotations);
        Assert.Equal(0, score.QuotationsExact);
        Assert.Equal(
            [(A, "article page"), (B, "article text"), (B, "article page")],
            score.AlteredQuotations.Select(q => (q.FileName, q.Where)).ToList());
    }

    [Fact]
    public void Articles_and_gold_files_must_pair_up()
    {
        var problems = DevSetEvaluator.Unpaired([A, "c.txt"], [GoldA, GoldB, GoldB with { GoldFile = "b2.yml" }]);

        Assert.Equal(
            ["b.txt.yml: gold names 'b.txt', which is not among the articles", "b2.yml: gold names 'b.txt', which is not among the articles",
             "b2.yml: more than one gold file for 'b.txt': b.txt.yml, b2.yml", "c.txt: article has no gold file"],
            problems.Select(p => $"{p.File}: {p.Message}").ToList());
    }

    [Fact]
    public void The_page_text_is_what_a_reader_sees()
    {
        const string html = "<html><head><title>x</title></head><body><p>去年8月<mark>國務院</mark>印發&amp;公布</p><script>var s = '去年8月國務院印發';</script></body></html>";

        Assert.Equal("去年8月國務院印發&公布 ", DevSetOutput.PageText(html));
    }
}
