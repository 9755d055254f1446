using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Timeline;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Timeline;

public class MilestoneRuleTests
{
    [Theory]
    // A plan or policy issued, in both scripts.
    [InlineData("《河套深港科技創新合作區深圳園區發展規劃》發布")]
    [InlineData("《河套深港科技创新合作区深圳园区发展规划》发布")]
    [InlineData("《深圳市人民政府关于支持深港科技创新合作区深圳园区建设国际开放创新中心的若干意见》出台")]
    [InlineData("國務院印發《河套深港科技創新合作區深圳園區發展綱要》")]
    // A park or centre opened.
    [InlineData("河套科創中心也正式開園")]
    [InlineData("港深創新及科技園首座大樓落成")]
    [InlineData("香港科學園深圳分園啟用")]
    // An agreement between governments signed.
    [InlineData("深港兩地政府簽署《關於港深推進落馬洲河套地區共同發展的合作備忘錄》")]
    [InlineData("深圳市政府与香港特区政府签订合作协议")]
    // English sources.
    [InlineData("Development plan for the Shenzhen Park issued")]
    [InlineData("First building of the Hong Kong Park opened")]
    [InlineData("The two governments signed a memorandum of understanding on the Loop")]
    public void Plans_issued_parks_opened_and_government_agreements_signed_are_milestones(string title) =>
        Assert.True(MilestoneRule.Matches(title, planned: false), $"expected a milestone: {title}");

    [Theory]
    [InlineData("發布6項揭榜選題")] // issued, but not a plan or policy
    [InlineData("深圳数据交易所揭牌")] // opened, but not a park or centre
    [InlineData("2025年度河套創新論壇在河套科創中心開幕")] // a forum opening in a centre
    [InlineData("福田区人民政府与香港城市大学举办推介会")] // a government, no agreement signed
    [InlineData("The park welcomed more companies")]
    public void Other_events_are_not(string title) =>
        Assert.False(MilestoneRule.Matches(title, planned: false), $"expected no milestone: {title}");

    [Fact]
    public void A_planned_opening_is_not_a_milestone_by_default() =>
        Assert.False(MilestoneRule.Matches("河套科創中心將於年內開園", planned: true));

    [Fact]
    public void A_correction_marks_or_demotes_a_milestone_by_event_id()
    {
        var article = StatementFactory.Article("a.txt", "2024-08-09",
            ("2024年6月，河套科創中心正式開園。", "2024年6月", "2024-06", "河套科創中心正式開園"),
            ("2024年5月，河套深圳園區迎來新企業。", "2024年5月", "2024-05", "河套深圳園區迎來新企業"));
        var plain = TimelineBuilder.Build([article], SiteConfig.Default, null).Events;
        Assert.Equal([false, true], plain.Select(e => e.Milestone));

        var corrections = plain.Select(e => new EventCorrection(e.Id, null, null, null, 1, Milestone: !e.Milestone)).ToList();
        var config = SiteConfig.Default with { Editorial = EditorialOptions.Empty with { Corrections = corrections } };
        var edited = TimelineBuilder.Build([article], config, null).Events;
        Assert.Equal([true, false], edited.Select(e => e.Milestone));
    }

    [Fact]
    public void Milestone_in_events_corrections_is_read_and_must_be_a_boolean()
    {
        var config = SiteConfigParser.Parse("events:\n  corrections:\n    - id: e2017-a\n      milestone: true\n    - id: e2022-b\n      milestone: false\n    - id: e2023-c\n      title: x\n");
        Assert.Empty(config.Diagnostics);
        Assert.Equal([true, false, null], config.Value.Editorial.Corrections.Select(c => c.Milestone));

        var bad = SiteConfigParser.Parse("events:\n  corrections:\n    - id: e2017-a\n      milestone: maybe\n");
        var error = Assert.Single(bad.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(4, error.Line);
        Assert.Contains("maybe", error.Message, StringComparison.Ordinal);
    }
}
