using HetaoSite.Core.Cleaning.Rules;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class StripPinyinAnnotationsTests
{
    [Theory]
    [InlineData("河套深港科技創(chuàng)新合作區(qū)。", "河套深港科技創新合作區。", 2)]
    [InlineData("會(hui) 議", "會議", 1)]
    [InlineData("我們(men)的", "我們的", 1)]
    [InlineData("經(jīng)濟", "經濟", 1)]
    [InlineData("網(wǎng)", "網", 1)]
    [InlineData("會(hui)(men)議", "會議", 2)]
    [InlineData("項(xiàng)目", "項目", 1)]
    public void Pinyin_right_after_a_han_character_is_removed(string text, string expected, int count)
    {
        Assert.Equal(expected, StripPinyinAnnotations.Strip(text, out var removed));
        Assert.Equal(count, removed);
    }

    [Theory]
    [InlineData("全球首款數據流AI芯片(CAISA)")]
    [InlineData("香港科學園(HKSTP)")]
    [InlineData("電致變色(EC)智慧視窗")]
    [InlineData("世界無線局域網應用發展聯盟(WAA聯盟)")]
    [InlineData("支持2億(人民幣，下同)")]
    [InlineData("小程序?(qū)實現")]
    [InlineData("崿F(xiàn)")]
    [InlineData("河套 (hui)")]
    [InlineData("公司(ltd)和(http)")]
    public void Anything_else_in_brackets_is_left_alone(string text) =>
        Assert.Equal(text, StripPinyinAnnotations.Strip(text, out _));

    [Fact]
    public void Removals_are_counted_in_the_stats()
    {
        var pass = StripPinyinAnnotations.Apply(Pass("創(chuàng)新", "區(qū)(CAISA)"));
        Assert.Equal(["創新", "區(CAISA)"], pass.Texts);
        Assert.Equal(2, pass.Stats.AnnotationsRemoved);
    }

    [Theory]
    [InlineData("chuàng", true)]
    [InlineData("qū", true)]
    [InlineData("men", true)]
    [InlineData("ltd", false)]
    [InlineData("CAISA", false)]
    [InlineData("zhuangg", false)]
    public void Syllables_are_recognised(string text, bool expected) => Assert.Equal(expected, StripPinyinAnnotations.IsSyllable(text));
}
