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

    [Theory]
    [InlineData("香港文匯報 2024年6月12日 星期三 A12版", "2024-06-12", BylineForm.Masthead)]
    [InlineData("《 人民日報 》（ 2024年06月12日 第 04 版）", "2024-06-12", BylineForm.Masthead)]
    [InlineData("2024年6月12日（星期三）", "2024-06-12", BylineForm.BareDate)]
    [InlineData("2024年6月12日（星期三）香港時間17時03分", "2024-06-12", BylineForm.BareDate)]
    [InlineData("二〇二四年六月十二日", "2024-06-12", BylineForm.BareDate)]
    [InlineData("二○二四年六月十二日 星期三", "2024-06-12", BylineForm.BareDate)]
    [InlineData("二零二四年六月十二日", "2024-06-12", BylineForm.BareDate)]
    [InlineData("２０２４年６月１２日　星期三", "2024-06-12", BylineForm.BareDate)]
    [InlineData("June 12, 2024 | 5:03 PM", "2024-06-12", BylineForm.BareDate)]
    [InlineData("發稿時間：2023-09-06 13:49:20 來源：某新聞辦網站", "2023-09-06", BylineForm.Byline)]
    [InlineData("信息提供日期：2024-06-12", "2024-06-12", BylineForm.Byline)]
    [InlineData("來源：福田區政府在線　時間：2024-06-12", "2024-06-12", BylineForm.Byline)]
    [InlineData("Published: 12 Jun 2024", "2024-06-12", BylineForm.Byline)]
    [InlineData("撰文：李四 出版：2024-06-12 17:03 更新：2024-06-13 09:10", "2024-06-12", BylineForm.Byline)]
    [InlineData("新華社深圳8月8日電", null, BylineForm.Dateline)]
    [InlineData("本報訊（記者 張三）", null, BylineForm.Byline)]
    public void Page_lines_give_their_date_and_form(string text, string? date, BylineForm form)
    {
        var facts = BylineParser.Parse(text);
        Assert.Equal((date, form), (facts.Date?.ToString(), facts.Form));
    }

    [Theory]
    [InlineData("UPDATED: 13 Jun 2024, 9:10am", true)]
    [InlineData("By Jane Lee | example.com.cn | Updated: 2024-06-12 17:03", true)]
    [InlineData("PUBLISHED: 12 Jun 2024, 5:03pm", false)]
    public void An_update_is_marked(string text, bool updated) => Assert.Equal(updated, BylineParser.Parse(text).Updated);

    [Theory]
    [InlineData("香港文匯報 2024年6月12日 星期三 A12版")]
    [InlineData("大公報 | 2023年11月3日 | A5")]
    [InlineData("2024年6月12日（星期三）香港時間17時03分")]
    [InlineData("香港時間17時03分")]
    [InlineData("Issued at HKT 17:03")]
    [InlineData("Ends/Wednesday, June 12, 2024")]
    [InlineData("二〇二四年六月十二日")]
    [InlineData("信息提供日期：2024-06-12")]
    [InlineData("UPDATED: 13 Jun 2024, 9:10am")]
    [InlineData("By Jane Lee | example.com.cn | Updated: 2024-06-12 17:03")]
    [InlineData("2024-06-12 17:28｜稿件來源：香港新聞網")]
    [InlineData("時事脈搏 | 2019-03-01 18:32")]
    public void Whole_page_lines_are_recognised(string text) => Assert.True(BylineParser.IsWholeLine(text), text);

    [Theory]
    [InlineData("2024年6月12日，河套合作區的人才驛站正式開放。")]
    [InlineData("河套合作區的人才驛站於2024年6月12日正式開放。")]
    [InlineData("這是河套合作區的人才驛站（2024年6月12日攝）。")]
    [InlineData("2024年6月12日 河套")]
    [InlineData("2024年6月")]
    [InlineData("6月12日 星期三")]
    public void Dates_in_text_are_not_page_lines(string text) => Assert.False(BylineParser.IsWholeLine(text), text);
}
