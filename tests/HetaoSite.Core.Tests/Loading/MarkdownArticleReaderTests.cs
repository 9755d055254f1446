using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Loading.LoaderTestHelpers;

namespace HetaoSite.Core.Tests.Loading;

public sealed class MarkdownArticleReaderTests
{
    [Fact]
    public void Markdown_with_front_matter_headings_and_lists_becomes_plain_text_blocks()
    {
        const string text = """
            ---
            title: 河套建「量子谷」
            date: 2022-09-13
            ---

            # 四方面落實重點任務

            **河套**深港科技創新合作區共3.89平方公里，[詳情](https://x.example)見下。

            - 互利合作
            - 協同香港推動*國際*科技創新
              1. 建設 `中試` 基地

            ![圖片](a.jpg)

            第一行  
            第二行
            """;
        var raw = LoadOk("a.md", text);
        Assert.Equal(ArticleFormat.Markdown, raw.Format);
        Assert.Equal("河套建「量子谷」", raw.Metadata.Title);
        Assert.Equal("2022-09-13", raw.Metadata.Date.ToString());
        Assert.Equal(
        [
            ("四方面落實重點任務", BlockKind.Heading, 6),
            ("河套深港科技創新合作區共3.89平方公里，詳情見下。", BlockKind.Paragraph, 8),
            ("互利合作", BlockKind.ListItem, 10),
            ("協同香港推動國際科技創新", BlockKind.ListItem, 11),
            ("建設 中試 基地", BlockKind.ListItem, 12),
            ("第一行", BlockKind.Paragraph, 16),
            ("第二行", BlockKind.Paragraph, 17),
        ], raw.Blocks.Select(b => (b.Text, b.Kind, b.Line)));
    }

    [Fact]
    public void Wrapped_chinese_lines_join_without_a_space_and_latin_lines_with_one()
    {
        var raw = LoadOk("a.md", "河套深港\n科技創新\n合作區 AI\nfor Science\n");
        Assert.Equal("河套深港科技創新合作區 AI for Science", Assert.Single(raw.Blocks).Text);
    }

    [Fact]
    public void Raw_html_blocks_in_markdown_use_the_html_reader()
    {
        var raw = LoadOk("a.md", "前言。\n\n<div>\n<p>第一段。</p>\n<figcaption>圖為河套。</figcaption>\n</div>\n");
        Assert.Equal([("前言。", BlockKind.Paragraph, 1), ("第一段。", BlockKind.Paragraph, 4), ("圖為河套。", BlockKind.Caption, 5)],
            raw.Blocks.Select(b => (b.Text, b.Kind, b.Line)));
    }
}
