using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Timeline;

namespace HetaoSite.Core.Tests.Timeline;

/// <summary>
/// The merge rules: statements merge only when their dates nest and their key facts agree; numbered editions never
/// merge; the same development told in both scripts does; look-alikes with incompatible dates are listed as possible
/// duplicates; ids of the events a split leaves are those of their own first statements, whatever order the articles come in.
/// </summary>
public sealed class EventMergerTests
{
    private static IScriptConverter OpenCc => RealOpenCc.Converter;

    /// <summary>Dates from 2023 to 2025 at every precision (FsCheck picks the year, month and day; 0 leaves a part out).</summary>
    private static Arbitrary<PartialDate> Dates() =>
        Gen.Choose(2023, 2025).SelectMany(year => Gen.Choose(0, 12).SelectMany(month => Gen.Choose(0, 28).Select(day =>
            month == 0 ? new PartialDate(year) : day == 0 ? new PartialDate(year, month) : new PartialDate(year, month, day)))).ToArbitrary();

    [Property]
    public Property Refinement_is_reflexive() =>
        Prop.ForAll(Dates(), date => DateSpan.Compatible(DateSpan.Of(date), DateSpan.Of(date)) && EventMerger.Compatible(date, date));

    [Property]
    public Property Compatibility_is_symmetric_and_means_one_date_refines_the_other() =>
        Prop.ForAll(Dates(), Dates(), (a, b) =>
        {
            var compatible = EventMerger.Compatible(a, b);
            var refines = a == b || Refines(a, b) || Refines(b, a);
            return compatible == EventMerger.Compatible(b, a) && compatible == refines;
        });

    [Property]
    public Property A_date_is_compatible_with_its_own_month_and_year_and_with_no_other() =>
        Prop.ForAll(Dates(), Dates(), (a, b) =>
        {
            var year = new PartialDate(a.Year);
            var month = a.Month is { } m ? new PartialDate(a.Year, m) : year;
            return EventMerger.Compatible(a, year) && EventMerger.Compatible(a, month)
                && (b.Year == a.Year || !EventMerger.Compatible(a, b));
        });

    [Theory]
    [InlineData("2024-06-10", "2024-06-20", "2024-06-12", true)]
    [InlineData("2024-06-10", "2024-06-20", "2024-06", true)]
    [InlineData("2024-06-10", "2024-06-20", "2024-06-25", false)]
    [InlineData("2024-03", "2024-05", "2024-04", true)]
    [InlineData("2024-03", "2024-05", "2024-06-01", false)]
    [InlineData("2024-03", "2024-05", "2024", true)]
    public void A_range_is_compatible_with_the_dates_inside_it_and_those_containing_it(string start, string end, string date, bool compatible)
    {
        var range = DateSpan.Of(PartialDate.Parse(start), PartialDate.Parse(end));
        Assert.True(compatible == DateSpan.Compatible(range, DateSpan.Of(PartialDate.Parse(date))),
            $"expected {start}..{end} and {date} to be {(compatible ? "compatible" : "incompatible")}");
    }

    [Fact]
    public void Overlapping_ranges_that_do_not_nest_are_incompatible()
    {
        var first = DateSpan.Of(PartialDate.Parse("2024-06-10"), PartialDate.Parse("2024-06-20"));
        var second = DateSpan.Of(PartialDate.Parse("2024-06-15"), PartialDate.Parse("2024-06-30"));
        Assert.False(DateSpan.Compatible(first, second));
    }

    [Fact]
    public void The_sixth_and_seventh_editions_of_a_forum_stay_two_events_even_in_the_same_year()
    {
        // The 7th edition's article gives only the year, which would refine nothing and contain the 6th's date.
        var sixth = StatementFactory.Article("a.txt", "2024-11-20",
            ("2024年11月18日，第六屆深港科技合作論壇在河套深圳園區舉行。", "2024年11月18日", "2024-11-18", "第六屆深港科技合作論壇舉行"));
        var seventh = StatementFactory.Article("b.txt", "2025-01-05",
            ("去年，第七屆深港科技合作論壇在河套深圳園區舉行。", "去年", "2024", "第七屆深港科技合作論壇舉行"));

        var timeline = TimelineBuilder.Build([sixth, seventh], SiteConfig.Default, null);

        Assert.Equal(["2024 第七屆深港科技合作論壇舉行", "2024-11-18 第六屆深港科技合作論壇舉行"], timeline.Events.Select(e => $"{e.Date} {e.Title}"));
        Assert.Empty(timeline.PossibleDuplicates);
    }

    [Theory]
    [InlineData("第6屆", "第7屆")]
    [InlineData("首屆", "第二屆")]
    [InlineData("第一批", "第2批")]
    [InlineData("2024年度", "2025年度")]
    [InlineData("第３次", "第四次")]
    public void Numbered_editions_never_merge(string one, string other)
    {
        var a = StatementFactory.Article("a.txt", "2025-03-01", ($"2025年2月，河套合作區公布{one}科創獎名單。", "2025年2月", "2025-02", $"河套合作區公布{one}科創獎名單"));
        var b = StatementFactory.Article("b.txt", "2025-03-02", ($"2025年2月，河套合作區公布{other}科創獎名單。", "2025年2月", "2025-02", $"河套合作區公布{other}科創獎名單"));

        var events = TimelineBuilder.Build([a, b], SiteConfig.Default, null).Events;

        Assert.True(events.Count == 2, $"expected {one} and {other} to stay two events, got {events.Count}");
    }

    [Fact]
    public void The_same_edition_written_in_other_numerals_merges()
    {
        var a = StatementFactory.Article("a.txt", "2025-03-01", ("2025年2月，河套合作區公布第3屆科創獎名單。", "2025年2月", "2025-02", "河套合作區公布第3屆科創獎名單"));
        var b = StatementFactory.Article("b.txt", "2025-03-02", ("2月14日，河套合作区公布第三届科创奖名单。", "2月14日", "2025-02-14", "河套合作区公布第三届科创奖名单"));

        var merged = Assert.Single(TimelineBuilder.Build([a, b], SiteConfig.Default, OpenCc).Events);

        Assert.Equal("2025-02-14", merged.Date.ToString());
    }

    [Fact]
    public void Different_counts_or_names_under_alike_titles_stay_apart()
    {
        var a = StatementFactory.Article("a.txt", "2024-05-01",
            ("2024年4月，園區發布6項揭榜選題。", "2024年4月", "2024-04", "園區發布6項揭榜選題"),
            ("2024年4月，南山公司落戶河套深圳園區。", "2024年4月", "2024-04", "南山公司落戶河套深圳園區"));
        var b = StatementFactory.Article("b.txt", "2024-05-02",
            ("2024年4月，園區發布8項揭榜選題。", "2024年4月", "2024-04", "園區發布8項揭榜選題"),
            ("2024年4月，灣區公司落戶河套深圳園區。", "2024年4月", "2024-04", "灣區公司落戶河套深圳園區"));

        var events = TimelineBuilder.Build([a, b], SiteConfig.Default, null).Events;

        Assert.Equal(4, events.Count);
    }

    [Fact]
    public void The_same_development_in_Traditional_and_Simplified_articles_merges_with_the_most_precise_date()
    {
        var hant = StatementFactory.Article("a.txt", "2024-09-01",
            ("今年8月，深港兩地機構在河套簽署「跨境科研數據」合作協議。", "今年8月", "2024-08", "深港兩地機構簽署「跨境科研數據」合作協議"));
        var hans = StatementFactory.Article("b.txt", "2024-09-02",
            ("8月28日，深港两地机构在河套签署“跨境科研数据”合作协议。", "8月28日", "2024-08-28", "深港两地机构签署“跨境科研数据”合作协议"));

        var merged = Assert.Single(TimelineBuilder.Build([hant, hans], SiteConfig.Default, OpenCc).Events);

        Assert.Equal(("2024-08-28", 2), (merged.Date.ToString(), merged.Sources.Count));
    }

    [Fact]
    public void Look_alike_titles_with_incompatible_dates_are_listed_once_as_possible_duplicates()
    {
        var a = StatementFactory.Article("a.txt", "2023-05-01", ("2023年4月，河套跨境人才服務站正式啟用。", "2023年4月", "2023-04", "河套跨境人才服務站正式啟用"));
        var b = StatementFactory.Article("b.txt", "2023-06-01", ("2023年5月，河套跨境人才服務站正式啟用。", "2023年5月", "2023-05", "河套跨境人才服務站正式啟用"));
        var c = StatementFactory.Article("c.txt", "2023-07-01", ("2023年5月，河套跨境人才服務站正式啟用。", "2023年5月", "2023-05", "河套跨境人才服務站正式啟用"));

        var timeline = TimelineBuilder.Build([a, b, c], SiteConfig.Default, null);

        Assert.Equal(["2023-04 a.txt", "2023-05 b.txt c.txt"], timeline.Events.Select(e => $"{e.Date} {string.Join(' ', e.Sources.Select(s => s.File))}"));
        var pair = Assert.Single(timeline.PossibleDuplicates);
        Assert.Equal(("2023-04", "2023-05"), (pair.First.Date.ToString(), pair.Second.Date.ToString()));
    }

    [Fact]
    public void An_editorial_merge_still_joins_a_possible_duplicate_and_settles_the_pair()
    {
        var a = StatementFactory.Article("a.txt", "2023-05-01", ("2023年4月，河套跨境人才服務站正式啟用。", "2023年4月", "2023-04", "河套跨境人才服務站正式啟用"));
        var b = StatementFactory.Article("b.txt", "2023-06-01", ("2023年5月，河套跨境人才服務站正式啟用。", "2023年5月", "2023-05", "河套跨境人才服務站正式啟用"));
        var ids = TimelineBuilder.Build([a, b], SiteConfig.Default, null).Events.Select(e => e.Id).ToList();
        var config = SiteConfig.Default with { Editorial = EditorialOptions.Empty with { Merges = [new EventMerge(ids[0], [ids[1]], 3)] } };

        var timeline = TimelineBuilder.Build([a, b], config, null);

        Assert.Equal(2, Assert.Single(timeline.Events).Sources.Count);
        Assert.Empty(timeline.PossibleDuplicates);
        Assert.Empty(timeline.Diagnostics);
    }

    [Fact]
    public void Events_a_split_leaves_keep_the_ids_of_their_first_statements_whatever_the_article_order()
    {
        var a = StatementFactory.Article("a.txt", "2024-01-10", ("2023年12月，河套量子實驗室揭牌。", "2023年12月", "2023-12", "河套量子實驗室揭牌"));
        var b = StatementFactory.Article("b.txt", "2024-02-10", ("2022年12月，河套量子實驗室揭牌。", "2022年12月", "2022-12", "河套量子實驗室揭牌"));
        var c = StatementFactory.Article("c.txt", "2024-03-10", ("2023年12月8日，河套量子實驗室揭牌。", "2023年12月8日", "2023-12-08", "河套量子實驗室揭牌"));

        var forward = TimelineBuilder.Build([a, b, c], SiteConfig.Default, null).Events;
        var backward = TimelineBuilder.Build([c, b, a], SiteConfig.Default, null).Events;

        Assert.Equal(forward.Select(e => e.Id), backward.Select(e => e.Id));
        Assert.Equal([EventIds.For(b.Statements[0]), EventIds.For(a.Statements[0])], forward.Select(e => e.Id));
        Assert.Equal(["b.txt", "a.txt c.txt"], forward.Select(e => string.Join(' ', e.Sources.Select(s => s.File))));
    }

    [Fact]
    public void Facts_are_read_from_the_clauses_of_the_statements_own_date()
    {
        const string sentence = "2023年，河套舉辦第六屆創新大賽，2024年又舉辦第七屆。";
        var article = StatementFactory.Article("a.txt", "2024-12-01", (sentence, "2024年", "2024", "河套舉辦第七屆"));

        var facts = StatementFacts.Of(article.Statements[0], null).Describe();

        Assert.Equal(["development=held", "第届=7"], facts);
    }

    private static bool Refines(PartialDate precise, PartialDate coarse) =>
        precise.Precision > coarse.Precision && precise.Year == coarse.Year && (coarse.Month is null || coarse.Month == precise.Month);
}
