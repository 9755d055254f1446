using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Tests.Extraction;

public sealed class BylineParserTests
{
    [Theory]
    [InlineData("深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)", "2025-12-12", "深圳新聞網")]
    [InlineData("2024年08月09日09:31 | 來源:新華網", "2024-08-09", "新華網")]
    [InlineData("發布時間:2024年01月30日", "2024-01-30", null)]
    [InlineData("2021-10-14 22:02:18 來源:香港商報網", "2021-10-14", "香港商報網")]
    [InlineData("２０２２年９月１３日　來源：大公報", "2022-09-13", "大公報")]
    public void Bylines_give_date_and_outlet(string text, string date, string? outlet)
    {
        var facts = BylineParser.Parse(text);
        Assert.Equal((date, outlet), (facts.Date?.ToString(), facts.Outlet));
    }

    [Fact]
    public void A_dateline_gives_month_and_day_only()
    {
        var facts = BylineParser.Parse("新華社深圳8月8日電");
        Assert.Equal((null, 8, 8, "新華社"), (facts.Date, facts.DatelineMonth, facts.DatelineDay, facts.Outlet));
    }

    [Theory]
    [InlineData("大公報記者胡永愛報道", "大公報")]
    [InlineData("新華社記者趙瑞希", "新華社")]
    [InlineData("文羊城晚报记者 林园 图羊城晚报记者 王磊 策划 李时平 李天军", "羊城晚报")]
    [InlineData("证券时报记者 吴家明", "证券时报")]
    public void Reporter_lines_name_an_outlet(string text, string outlet)
    {
        var facts = BylineParser.Parse(text);
        Assert.Equal((null, outlet), (facts.Outlet, facts.ReporterOutlet));
    }

    [Fact]
    public void An_impossible_date_in_a_byline_is_ignored() => Assert.Null(BylineParser.Parse("2024年13月45日 來源:新華網").Date);
}
