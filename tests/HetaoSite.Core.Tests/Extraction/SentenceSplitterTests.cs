using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Tests.Extraction;

public class SentenceSplitterTests
{
    [Fact]
    public void Splits_at_chinese_terminators_and_keeps_exact_offsets()
    {
        const string text = "2024年6月，集聚區成立。同月，河套科創中心也正式開園！是否如此？是；";
        var sentences = SentenceSplitter.Split(text, 3);
        Assert.Equal(["2024年6月，集聚區成立。", "同月，河套科創中心也正式開園！", "是否如此？", "是；"], sentences.Select(s => s.Text));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Offset, s.Text.Length)));
        Assert.Equal("s3-1", sentences[1].Anchor);
    }

    [Fact]
    public void Does_not_split_inside_a_closed_quotation_and_keeps_the_closing_quote()
    {
        const string text = "他說：「我們有技術。現在需要資金！」隨後離開。";
        var sentences = SentenceSplitter.Split(text, 0);
        Assert.Equal(["他說：「我們有技術。現在需要資金！」隨後離開。"], sentences.Select(s => s.Text));
    }

    [Fact]
    public void A_closing_quote_after_a_terminator_stays_with_its_sentence()
    {
        var sentences = SentenceSplitter.Split("“我們有自主研發的技術！”落戶河套的創業者說。下一句。", 0);
        Assert.Equal(["“我們有自主研發的技術！”落戶河套的創業者說。", "下一句。"], sentences.Select(s => s.Text));
    }

    [Fact]
    public void An_unclosed_quote_does_not_glue_the_paragraph_together()
    {
        var sentences = SentenceSplitter.Split("「未閉合的引號。第二句。第三句。", 0);
        Assert.Equal(3, sentences.Count);
    }

    [Fact]
    public void Half_width_terminators_split_too()
    {
        var sentences = SentenceSplitter.Split("12月11日,論壇舉行;嘉賓分享!完", 0);
        Assert.Equal(["12月11日,論壇舉行;", "嘉賓分享!", "完"], sentences.Select(s => s.Text));
    }

    [Fact]
    public void English_sentences_end_at_a_full_stop_before_a_capital_but_not_after_an_abbreviation_or_initial()
    {
        var sentences = SentenceSplitter.Split("Mr. Lee opened the park on Nov. 20 in the U.S. Pavilion. It opened in 2023. The zone covers 3.89 sq km. See hetao.gov.hk for more.", 0);
        Assert.Equal(["Mr. Lee opened the park on Nov. 20 in the U.S. Pavilion.", "It opened in 2023.", "The zone covers 3.89 sq km.", "See hetao.gov.hk for more."],
            sentences.Select(s => s.Text));
    }
}
