using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Tests.Extraction;

public class EventTitlesTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "去年9月，河套深圳園區發布首單“科匯通”試點業務，讓跨境科研資金流動走上“快速路”。", "去年9月", "河套深圳園區發布首單“科匯通”試點業務" },
        { "同月，河套科創中心也正式開園，打造從科技研發到產業轉化的閉環式生態圈。", "同月", "河套科創中心也正式開園" },
        { "8日，河套深圳園區又迎來多家科技創新機構落地。", "8日", "河套深圳園區又迎來多家科技創新機構落地" },
        { "牽頭建設中試平台的晶泰科技，是獨角獸企業，今年6月在港交所上市。", "今年6月", "牽頭建設中試平台的晶泰科技在港交所上市" },
        { "在乘用車領域，元戎啟行於2021年12月推出L4級自動駕駛前裝解決方案，打破壁壘。", "2021年12月", "元戎啟行推出L4級自動駕駛前裝解決方案" },
        { "自2017年深港兩地政府決定雙方共建“深港科技創新合作區”以來，合作區不斷構建體系。", "2017年", "深港兩地政府決定雙方共建“深港科技創新合作區”" },
        { "元戎啟行是一家自動駕駛科技公司，2019年在深圳創立，聚焦於出行業務。", "2019年", "元戎啟行是一家自動駕駛科技公司在深圳創立" },
        { "值得關注的是，今年9月正式開學的深圳河套學院，已匯聚37所高校的人才。", "今年9月", "正式開學的深圳河套學院" },
        { "9月12日，在廣東省推進河套深圳園區建設新聞發布會上，黃敏表示。", "9月12日", "廣東省推進河套深圳園區建設新聞發布會" },
        { "由金城醫學承建「平台」——病理診斷人工智能開放創新平台12日正式上線。", "12日", "病理診斷人工智能開放創新平台正式上線" },
        { "预计到2025年，园区将引进超过100家企业。", "2025年", "预计园区将引进超过100家企业" },
        { "12月11日,2025年度河套創新論壇在河套科創中心舉行,以“AI for Science Hub”為主題。", "12月11日", "2025年度河套創新論壇在河套科創中心舉行" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Title_is_the_clause_that_says_what_happened(string sentence, string expression, string expected)
    {
        var start = sentence.IndexOf(expression, StringComparison.Ordinal);
        var title = EventTitles.From(sentence, start, expression.Length);
        Assert.True(expected == title, $"expected title '{expected}', got '{title}'");
    }

    [Fact]
    public void Long_titles_are_cut_at_a_clause_boundary_or_with_an_ellipsis()
    {
        var sentence = "去年11月29日，" + new string('河', 80) + "。";
        var title = EventTitles.From(sentence, 0, "去年11月29日".Length);
        Assert.True(title.Length <= EventTitles.MaxLength, $"expected at most {EventTitles.MaxLength} characters, got {title.Length}");
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }
}
