using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class DetectGarbledTests
{
    [Theory]
    [InlineData("一河之隔!兑劃》提出", 1)]
    [InlineData("資金問題!甭鋺艉犹椎", 1)]
    [InlineData("小程序?(qū)崿F(xiàn)“一碼通服”", 2)]
    [InlineData("規?;虡I(yè)落地", 2)]
    [InlineData("亂碼\uFFFD\uFFFD在此", 1)]
    [InlineData("問號??在此", 1)]
    [InlineData("私用\uE000字", 1)]
    public void Mojibake_fragments_are_counted(string text, int expected) => Assert.Equal(expected, DetectGarbled.Count(text));

    [Theory]
    [InlineData("河套深港科技創新合作區(CAISA)，太惬意了！")]
    [InlineData("主論壇上,嘉賓們分享前沿洞見;峰會對話環節")]
    [InlineData("What? Really!")]
    [InlineData("實現“1+1>2”的效果")]
    public void Clean_text_has_no_fragments(string text) => Assert.Equal(0, DetectGarbled.Count(text));

    [Fact]
    public void Fragments_are_noted_with_their_line_and_the_text_is_never_changed()
    {
        var start = Pass([new TextBlock("正文", BlockKind.Paragraph, 1), new TextBlock("一河之隔!兑劃》提出", BlockKind.Paragraph, 23)]);
        var pass = DetectGarbled.Apply(start);
        Assert.Equal(start.Texts, pass.Texts);
        Assert.Equal(1, pass.Stats.GarbledFragments);
        var info = Assert.Single(pass.Diagnostics);
        Assert.Equal(("HS0132", Severity.Info, 23), (info.Code, info.Severity, info.Line));
    }
}
