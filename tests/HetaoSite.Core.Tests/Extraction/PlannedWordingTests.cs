using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Tests.Extraction;

public class PlannedWordingTests
{
    [Theory]
    [InlineData("蘋果公司預計投入超10億元")]
    [InlineData("计划于2026年建成")]
    [InlineData("力爭到2025年建成世界級科研樞紐")]
    [InlineData("园区将于明年开放")]
    public void Plan_wording_is_recognised(string text) => Assert.True(PlannedWording.IsPlanned(text), $"expected a plan: {text}");

    [Theory]
    [InlineData("2017年將總部遷入福田的鯤雲科技")]
    [InlineData("中國一汽將大灣區研發院落戶河套深圳園區")]
    [InlineData("2020年1月到6月河口水質達標")]
    [InlineData("國際產業中試集聚區在河套深圳園區成立")]
    [InlineData("蘋果公司宣布預計投入超10億元")]
    [InlineData("推出“虛擬園區”服務矩陣")]
    public void Object_marker_and_past_statements_are_not_plans(string text) =>
        Assert.False(PlannedWording.IsPlanned(text), $"expected not a plan: {text}");
}
