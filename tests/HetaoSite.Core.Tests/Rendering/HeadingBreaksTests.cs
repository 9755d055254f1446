using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

public class HeadingBreaksTests
{
    private static readonly HeadingBreaks Breaks = new(["河套深港科技創新合作區", "河套", "深圳園區", "Lok Ma Chau Loop"]);

    [Theory]
    [InlineData("河套深港科技創新合作區大事記", "河套深港科技創新合作區<wbr>大事記")]
    [InlineData("河套深港科技创新合作区大事记", "河套深港科技创新合作区<wbr>大事记")] // names match in either script
    [InlineData("國際產業中試集聚區在河套深圳園區成立", "國際產業中試集聚區在<wbr>河套<wbr>深圳園區<wbr>成立")]
    [InlineData("《發展規劃》發布", "《發展規劃》<wbr>發布")]
    [InlineData("國務院印發《發展綱要》", "國務院印發<wbr>《發展綱要》")]
    [InlineData("元戎啟行推出L4級自動駕駛方案", "元戎啟行推出<wbr>L4級自動駕駛方案")]
    [InlineData("Apple 在河套開設實驗室", "Apple 在<wbr>河套<wbr>開設實驗室")]
    [InlineData("河套，大事", "河套，大事")] // punctuation already allows a break
    [InlineData("a < b & 河套", "a &lt; b &amp; 河套")] // escaped; no break at either end
    public void Breaks_go_at_phrase_boundaries_and_the_text_is_escaped(string text, string html) =>
        Assert.Equal(html, Breaks.Html(text));

    [Fact]
    public void The_same_text_gives_the_same_markup() =>
        Assert.Equal(Breaks.Html("河套深港科技創新合作區大事記"), new HeadingBreaks(["河套", "河套深港科技創新合作區"]).Html("河套深港科技創新合作區大事記"));
}
