using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class ArticleTextTests
{
    [Fact]
    public void Sentences_and_the_text_between_them_are_kept_in_order()
    {
        const string text = "甲句。 乙句。尾巴";
        var segments = Segments(text, [new Sentence(0, 0, 0, "甲句。"), new Sentence(0, 1, 4, "乙句。")]);

        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["s0-0", null, "s0-1", null], segments.Select(s => s.Sentence?.Anchor));
    }

    [Fact]
    public void A_sentence_with_a_wrong_offset_is_found_by_its_text()
    {
        var segments = Segments("前言。目標句。", [new Sentence(2, 1, 99, "目標句。")]);
        Assert.Equal(["前言。", "目標句。"], segments.Select(s => s.Text));
        Assert.Equal("s2-1", segments[1].Sentence?.Anchor);
    }

    [Fact]
    public void A_sentence_not_in_the_text_still_gets_an_empty_anchor()
    {
        var segments = Segments("別的內容。", [new Sentence(0, 3, 0, "不存在的句子。")]);
        Assert.Contains(segments, s => s.Sentence?.Anchor == "s0-3" && s.Text.Length == 0);
        Assert.Equal("別的內容。", string.Concat(segments.Select(s => s.Text)));
    }

    /// <summary>The pieces of <paramref name="text"/> as the article page writes them: each piece's text and sentence.</summary>
    private static List<(string Text, Sentence? Sentence)> Segments(string text, IEnumerable<Sentence> sentences)
    {
        var pieces = new List<ArticleText.Piece>();
        ArticleText.Pieces(text, [.. ArticleText.InTextOrder(sentences)], pieces);
        return [.. pieces.Select(p => (p.Text(text), p.Sentence))];
    }
}
