using HetaoSite.Core.Extraction;
using Xunit;

namespace HetaoSite.Core.Tests.Extraction;

public sealed class AsciiCaseTests
{
    [Theory]
    [InlineData("Published: 2024年6月12日", "published: 2024年6月12日")]
    [InlineData("HKT 發布會 Held", "hkt 發布會 held")]
    [InlineData("河套深港科技創新合作區", "河套深港科技創新合作區")]
    [InlineData("", "")]
    public void Lowers_ascii_letters_and_keeps_the_rest(string text, string expected) =>
        Assert.Equal(expected, AsciiCase.ToLower(text));

    /// <summary>
    /// What makes it a drop-in for ToLowerInvariant before matching lower-case ASCII and Chinese words: every character
    /// the invariant culture lowers to an ASCII character is lowered the same way, and every other character is left as
    /// it is (its invariant lower case, if different, is neither ASCII nor Chinese, so it matches no such word either way).
    /// </summary>
    [Fact]
    public void Agrees_with_the_invariant_culture_on_every_character_that_lowers_to_ascii()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var invariant = char.ToLowerInvariant(c);
            var expected = char.IsAscii(invariant) ? invariant : c;
            Assert.True(expected == AsciiCase.ToLower(c),
                $"U+{code:X4}: expected U+{(int)expected:X4} (invariant lower case U+{(int)invariant:X4}), got U+{(int)AsciiCase.ToLower(c):X4}");
            Assert.True(char.IsAscii(invariant) || !HetaoSite.Core.Cleaning.ChineseText.IsHan(invariant) || invariant == c,
                $"U+{code:X4} lowers to the Chinese character U+{(int)invariant:X4}");
        }
    }

    [Fact]
    public void Agrees_with_the_invariant_culture_on_whole_texts_of_ascii_words()
    {
        const string text = "The PLAN was Published in 2024年 by the City Government: 《規劃》發布 Ｆｕｌｌ-width";
        var invariant = text.ToLowerInvariant();
        var ours = AsciiCase.ToLower(text);
        Assert.Equal(invariant.Length, ours.Length);
        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(ours[i] == invariant[i] || (!char.IsAscii(invariant[i]) && ours[i] == text[i]), $"at {i}: {ours[i]} vs {invariant[i]}");
        }
    }
}
