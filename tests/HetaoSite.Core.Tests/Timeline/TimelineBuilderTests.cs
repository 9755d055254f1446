using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Timeline;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Timeline;

public class TimelineBuilderTests
{
    /// <summary>Maps the few characters these tests use, so script-blind merging is tested without OpenCC.</summary>
    private sealed class TinyConverter : IScriptConverter
    {
        private static readonly (char Hant, char Hans)[] Pairs = [('創', '创'), ('區', '区'), ('開', '开'), ('園', '园'), ('學', '学'), ('發', '发'), ('佈', '布')];

        public string ToSimplified(string text) => Pairs.Aggregate(text, (t, p) => t.Replace(p.Hant, p.Hans));

        public string ToTraditional(string text) => Pairs.Aggregate(text, (t, p) => t.Replace(p.Hans, p.Hant));
    }

    [Fact]
    public void The_same_event_told_in_both_scripts_merges_with_all_sources_and_the_most_precise_date()
    {
        var hant = StatementFactory.Article("a.txt", "2024-08-09", ("同月，河套科創中心正式開園。", "同月", "2024-06", "河套科創中心正式開園"));
        var hans = StatementFactory.Article("b.txt", "2024-09-01", ("6月18日，河套科创中心正式开园。", "6月18日", "2024-06-18", "河套科创中心正式开园"));
        var timeline = TimelineBuilder.Build([hant, hans], SiteConfig.Default, new TinyConverter());
        var merged = Assert.Single(timeline.Events);
        Assert.Equal("2024-06-18", merged.Date.ToString());
        Assert.Equal(["a.txt", "b.txt"], merged.Sources.Select(s => s.File));
        Assert.Empty(timeline.Diagnostics);
    }

    [Fact]
    public void Different_events_on_the_same_date_stay_apart_in_a_stable_order()
    {
        var a = StatementFactory.Article("a.txt", "2024-08-09",
            ("2024年6月，國際產業中試集聚區成立。", "2024年6月", "2024-06", "國際產業中試集聚區成立"),
            ("同月，河套科創中心正式開園。", "同月", "2024-06", "河套科創中心正式開園"));
        var timeline = TimelineBuilder.Build([a], SiteConfig.Default, null);
        Assert.Equal(["國際產業中試集聚區成立", "河套科創中心正式開園"], timeline.Events.Select(e => e.Title));
    }

    [Fact]
    public void Dates_that_cannot_both_be_right_stay_apart_as_possible_duplicates_and_the_refining_date_merges()
    {
        var a = StatementFactory.Article("a.txt", "2022-09-06", ("深圳國際量子研究院自2018年掛牌。", "2018年", "2018", "深圳國際量子研究院掛牌"));
        var b = StatementFactory.Article("b.txt", "2022-10-01", ("深圳國際量子研究院2019年掛牌。", "2019年", "2019", "深圳國際量子研究院掛牌"));
        var c = StatementFactory.Article("c.txt", "2023-01-01", ("2018年3月，深圳國際量子研究院掛牌。", "2018年3月", "2018-03", "深圳國際量子研究院掛牌"));
        var timeline = TimelineBuilder.Build([a, b, c], SiteConfig.Default, null);

        Assert.Equal(["2018-03 a.txt c.txt", "2019 b.txt"], timeline.Events.Select(e => $"{e.Date} {string.Join(' ', e.Sources.Select(s => s.File))}"));
        var pair = Assert.Single(timeline.PossibleDuplicates);
        Assert.Equal((timeline.Events[0].Id, timeline.Events[1].Id), (pair.First.Id, pair.Second.Id));
        Assert.Empty(timeline.Diagnostics);
    }

    [Fact]
    public void Two_events_from_the_same_words_of_the_same_sentence_get_different_ids()
    {
        const string sentence = "2024年，園區成立量子研究中心，並開通跨境專線。";
        var a = StatementFactory.Article("a.txt", "2024-08-09",
            (sentence, "2024年", "2024", "園區成立量子研究中心"), (sentence, "2024年", "2024", "開通跨境專線"));

        var ids = TimelineBuilder.Build([a], SiteConfig.Default, null).Events.Select(e => e.Id).ToList();

        Assert.Equal(2, ids.Count);
        Assert.True(ids[1] == ids[0] + "-2", $"expected the second id to be the first with -2, got [{string.Join(", ", ids)}]");
    }

    [Fact]
    public void Ids_come_from_content_and_survive_adding_a_later_article()
    {
        var a = StatementFactory.Article("a.txt", "2024-08-09", ("去年9月，園區發布首單試點業務。", "去年9月", "2023-09", "園區發布首單試點業務"));
        var later = StatementFactory.Article("z.txt", "2025-01-01", ("2019年，另一件事發生在河套。", "2019年", "2019", "另一件事發生在河套"));
        var before = TimelineBuilder.Build([a], SiteConfig.Default, null).Events.Single().Id;
        var after = TimelineBuilder.Build([a, later], SiteConfig.Default, null).Events.Single(e => e.Sources[0].File == "a.txt").Id;
        Assert.Equal(before, after);
        Assert.StartsWith("e2023-", before, StringComparison.Ordinal);
    }

    [Fact]
    public void Editorial_overrides_exclude_correct_merge_add_and_report_stale_ones()
    {
        var a = StatementFactory.Article("a.txt", "2024-08-09",
            ("2024年6月，國際產業中試集聚區成立。", "2024年6月", "2024-06", "國際產業中試集聚區成立"),
            ("今年3月，蘋果公司宣布開設實驗室。", "今年3月", "2024-03", "蘋果公司宣布開設實驗室"),
            ("今年5月，園區推出虛擬園區服務。", "今年5月", "2024-05", "園區推出虛擬園區服務"));
        var ids = TimelineBuilder.Build([a], SiteConfig.Default, null).Events.ToDictionary(e => e.Title, e => e.Id);
        var editorial = new EditorialOptions(
            [ids["蘋果公司宣布開設實驗室"], "e1999-gone"],
            [new EventCorrection(ids["國際產業中試集聚區成立"], HetaoSite.Core.Model.PartialDate.Parse("2024-06-18"), "中試集聚區揭牌", null, 7)],
            [new EventMerge(ids["國際產業中試集聚區成立"], [ids["園區推出虛擬園區服務"]], 9)],
            [new ManualEvent(HetaoSite.Core.Model.PartialDate.Parse("2024-03"), null, "手動事件", "policy", "a.txt", "蘋果公司宣布", 11)]);
        var config = SiteConfig.Default with { Editorial = editorial };
        var timeline = TimelineBuilder.Build([a], config, null);

        Assert.Equal(["手動事件", "中試集聚區揭牌"], timeline.Events.Select(e => e.Title));
        Assert.Equal(2, timeline.Events[1].Sources.Count);
        Assert.Equal("2024-06-18", timeline.Events[1].Date.ToString());
        Assert.True(timeline.Events[0].Manual);
        var stale = Assert.Single(timeline.Diagnostics);
        Assert.Equal("HS0502", stale.Code);
        Assert.Contains("e1999-gone", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manual_event_citing_a_sentence_that_is_not_there_is_an_error()
    {
        var a = StatementFactory.Article("a.txt", "2024-08-09", ("今年3月，蘋果公司宣布開設實驗室。", "今年3月", "2024-03", "蘋果公司宣布開設實驗室"));
        var editorial = EditorialOptions.Empty with { Manual = [new ManualEvent(HetaoSite.Core.Model.PartialDate.Parse("2024"), null, "x", "policy", "a.txt", "不存在的句子", 4)] };
        var timeline = TimelineBuilder.Build([a], SiteConfig.Default with { Editorial = editorial }, null);
        var error = Assert.Single(timeline.Diagnostics);
        Assert.Equal(("HS0503", 4), (error.Code, error.Line));
    }
}
