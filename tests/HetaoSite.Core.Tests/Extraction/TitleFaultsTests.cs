using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Tests.Extraction;

public class TitleFaultsTests
{
    public static TheoryData<string, TitleFault> Faulty => new()
    {
        { "", TitleFault.Empty },
        { "福田區人民政府、香港城市大學戰略合作框架協議簽署活動暨福田研究院項目成果推介會舉辦", TitleFault.TooLong },
        { "福田區人民政府、香港城市大學戰略合作框架協議簽署活動在深圳市福田區委智慧福田大廳、香港城市大…", TitleFault.Ellipsis },
        { "河套深圳園區首批科研項目", TitleFault.NoVerb },
        { "河套深圳園區與香港大學簽署的", TitleFault.Unfinished },
        { "河套深圳園區與香港大學簽署、", TitleFault.Unfinished },
        { "也正式開園", TitleFault.LeadingParticle },
        { "又迎來多家科技創新機構落地", TitleFault.LeadingParticle },
        { "此外河套深圳園區發布新政", TitleFault.LeadingParticle },
        { "上午", TitleFault.LoneTimeWord },
        { "上午", TitleFault.LeadingTimeWord },
        { "和2025年", TitleFault.LoneTimeWord },
        { "園區（）開放", TitleFault.UnbalancedBrackets },
        { "與", TitleFault.Unfinished },
        { "2022年至2023年河套創新論壇舉行", TitleFault.LeadingTimeWord },
        { "今年河套科創中心正式開園", TitleFault.LeadingTimeWord },
        { "近日園區行採訪活動來到河套", TitleFault.LeadingTimeWord },
        { "2024年6月國際產業中試集聚區成立", TitleFault.LeadingTimeWord },
        { "12月11日河套創新論壇舉行", TitleFault.LeadingTimeWord },
        { "二〇二四年河套創新論壇舉行", TitleFault.LeadingTimeWord },
        { "發布6項揭榜選題", TitleFault.NoSubject },
        { "正式開學的深圳河套學院", TitleFault.NoSubject },
        { "在港交所上市", TitleFault.NoSubject },
        { "這家孵化加速平台成立", TitleFault.NoSubject },
        { "第二十四屆中國國際高新技術成果交易會", TitleFault.NoVerb },
        { "河套深圳園區發布首單“科匯通試點業務", TitleFault.UnbalancedBrackets },
        { "國務院印發《河套深港科技創新合作區深圳園區發展規劃", TitleFault.UnbalancedBrackets },
        { "兩地官員主持落馬洲河套港深創新", TitleFault.CutName },
        { "兩地團隊進駐國際產業與標準", TitleFault.CutName },
        { "Hong Kong and Shenzhen signed a memorandum under which the two cities will develop the Loop", TitleFault.TooLong },
        { "The government released the development outline for the Hong Kong Park on", TitleFault.Unfinished },
        { "and the park held a topping-out ceremony", TitleFault.LeadingParticle },
        { "On Tuesday Hong Kong and Shenzhen signed a memorandum", TitleFault.LeadingTimeWord },
        { "Today", TitleFault.LoneTimeWord },
        { "is listed among the cooperation platforms", TitleFault.NoSubject },
        { "The zone is listed among the platforms of the Five-Year Plan ()", TitleFault.UnbalancedBrackets },
    };

    [Theory]
    [MemberData(nameof(Faulty))]
    public void A_faulty_title_is_reported(string title, TitleFault fault)
    {
        var faults = TitleFaults.Of(title);
        Assert.True(faults.Contains(fault), $"expected '{title}' to have the fault {fault}, got [{string.Join(", ", faults)}]");
    }

    [Theory]
    [InlineData("河套科創中心正式開園")]
    [InlineData("2025年度河套創新論壇在河套科創中心舉行")]
    [InlineData("2022 琴珠澳集成電路產業促進峰會舉行")]
    [InlineData("簽約儀式在河套深圳園區舉行")]
    [InlineData("元戎啟行推出L4級自動駕駛前裝解決方案")]
    [InlineData("《深圳市人民政府關於支持深港科技創新合作區深圳園區建設國際開放創新中心的若干意見》出台")]
    [InlineData("深圳数据交易所揭牌")]
    [InlineData("兩地官員考察港深創科園")]
    [InlineData("科研團隊進駐落馬洲河套")]
    [InlineData("晶泰科技在港交所上市")]
    [InlineData("國務院印發《河套深港科技創新合作區深圳園區發展規劃》")]
    [InlineData("Hong Kong and Shenzhen sign MOU to develop the Lok Ma Chau Loop")]
    [InlineData("The park held a topping-out ceremony")]
    public void A_headline_has_no_fault(string title)
    {
        var faults = TitleFaults.Of(title);
        Assert.True(faults.Count == 0, $"expected no fault in '{title}', got [{string.Join(", ", faults)}]");
    }

    [Fact]
    public void Faults_come_in_a_fixed_order()
    {
        Assert.Equal([TitleFault.Unfinished, TitleFault.LeadingTimeWord, TitleFault.LoneTimeWord, TitleFault.NoVerb], TitleFaults.Of("上午"));
    }

    [Theory]
    [InlineData("河套科創中心正式開園", 10)]
    [InlineData("元戎啟行推出L4級方案", 10)]
    [InlineData("《若干意見》出台", 4)]
    [InlineData("AI for Science Hub論壇舉行", 13)]
    public void Length_counts_half_width_characters_as_half_and_not_a_document_name(string title, int length) =>
        Assert.Equal(length, TitleFaults.Length(title));

    [Fact]
    public void Every_fault_has_a_description()
    {
        foreach (var fault in Enum.GetValues<TitleFault>())
        {
            Assert.False(string.IsNullOrWhiteSpace(TitleFaults.Describe(fault)));
            Assert.NotEqual(fault.ToString(), TitleFaults.Describe(fault));
        }
    }

    [Theory]
    [InlineData("福田區人民政府、香港城市大學戰略合作框架協議簽署活動暨福田研究院項目成果推介會舉辦", "longer than 28 characters (41)")]
    [InlineData("Hong Kong and Shenzhen signed a memorandum under which the two cities will develop the Loop", "longer than 14 words (16)")]
    public void A_report_says_how_long_a_title_is(string title, string expected) =>
        Assert.Equal(expected, TitleFaults.Describe(TitleFault.TooLong, title));
}
