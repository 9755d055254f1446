using HetaoSite.Core.Cleaning.Rules;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class NormalizeWhitespaceTests
{
    [Theory]
    [InlineData("　　河套\u00A0\u00A0合作區 ", "河套 合作區")]
    [InlineData("小空间遇见大未来  深港河套", "小空间遇见大未来 深港河套")]
    [InlineData("河\u200B套\t合作區", "河套 合作區")]
    public void Whitespace_runs_become_one_space_and_ends_are_trimmed(string text, string expected) =>
        Assert.Equal(expected, NormalizeWhitespace.Normalize(text));

    [Fact]
    public void Chinese_punctuation_and_full_width_characters_are_kept_as_written()
    {
        const string text = "「量子谷」，２０２４年（人民幣，下同）！";
        Assert.Equal(text, NormalizeWhitespace.Normalize(text));
    }

    [Fact]
    public void Blocks_left_empty_are_dropped()
    {
        var pass = NormalizeWhitespace.Apply(Pass("正文", "\u3000\u00A0 ", "第二段"));
        Assert.Equal(["正文", "第二段"], pass.Texts);
    }
}
