using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class ExtractBylinesTests
{
    [Theory]
    [InlineData("2024年08月09日09:31 | 來源:新華網")]
    [InlineData("發布時間:2024年01月30日")]
    [InlineData("2021-10-14 22:02:18 來源:香港商報網")]
    [InlineData("2022年9月13日 星期二 來源：大公報 作者：胡永愛")]
    public void Byline_blocks_are_removed_and_kept(string text)
    {
        var pass = ExtractBylines.Apply(Pass("正文。", text));
        Assert.Equal(["正文。"], pass.Texts);
        Assert.Equal((text, 3), (Assert.Single(pass.Bylines).Text, pass.Bylines[0].Line));
    }

    [Theory]
    [InlineData("深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)12月11日,2025年度河套創新論壇舉行。",
        "深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)", "12月11日,2025年度河套創新論壇舉行。")]
    [InlineData("本報訊（記者 王磊）河套合作區昨日發布新政策。", "本報訊（記者 王磊）", "河套合作區昨日發布新政策。")]
    [InlineData("中新網香港12月11日電 (記者 韓星童)香港特區政府11日表示。", "中新網香港12月11日電 (記者 韓星童)", "香港特區政府11日表示。")]
    public void A_byline_prefix_is_cut_off_its_paragraph(string text, string byline, string rest)
    {
        var pass = ExtractBylines.Apply(Pass(text));
        Assert.Equal([rest], pass.Texts);
        Assert.Equal(byline, Assert.Single(pass.Bylines).Text);
    }

    [Fact]
    public void A_dateline_followed_by_a_title_marker_leaves_the_title_as_a_heading()
    {
        var pass = ExtractBylines.Apply(Pass("新華社深圳8月8日電 題:“小支點”釋放創新“大能量”"));
        Assert.Equal("新華社深圳8月8日電", Assert.Single(pass.Bylines).Text);
        var heading = Assert.Single(pass.Blocks);
        Assert.Equal(("“小支點”釋放創新“大能量”", BlockKind.Heading), (heading.Text, heading.Kind));
    }

    [Theory]
    [InlineData("2024年6月，國際產業中試集聚區在河套深圳園區成立。")]
    [InlineData("今年8月8日電網公司在河套舉行活動。")]
    [InlineData("資訊科技是河套的重點產業。")]
    [InlineData("12月11日,2025年度河套創新論壇在河套科創中心舉行。")]
    public void Text_that_merely_starts_with_a_date_is_not_a_byline(string text)
    {
        var pass = ExtractBylines.Apply(Pass(text));
        Assert.Equal([text], pass.Texts);
        Assert.Empty(pass.Bylines);
    }
}
