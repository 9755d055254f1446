using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Loading.LoaderTestHelpers;

namespace HetaoSite.Core.Tests.Loading;

public sealed class PlainTextReaderTests
{
    [Fact]
    public void Each_non_empty_line_is_a_block_with_its_line()
    {
        var raw = LoadOk("a.txt", "\n\n150高端研究落地深圳園區 六大科創集群形成\n\n　　正文第一段。\n");
        Assert.Equal(ArticleFormat.Text, raw.Format);
        Assert.Equal(SourceMetadata.None, raw.Metadata);
        Assert.Equal([("150高端研究落地深圳園區 六大科創集群形成", 3), ("正文第一段。", 5)], raw.Blocks.Select(b => (b.Text, b.Line)));
    }

    [Fact]
    public void Markdown_ish_list_lines_become_list_items_without_bold_marks()
    {
        var raw = LoadOk("a.txt", "- 世界無線局域網應用發展聯盟**\n - 由世界各國無線局域網領域。\n* 第三\n1. 科研“政策包”\n**粗體**段落\n1.35平方公里的園區\n");
        Assert.Equal(
        [
            ("世界無線局域網應用發展聯盟", BlockKind.ListItem),
            ("由世界各國無線局域網領域。", BlockKind.ListItem),
            ("第三", BlockKind.ListItem),
            ("科研“政策包”", BlockKind.ListItem),
            ("粗體段落", BlockKind.Paragraph),
            ("1.35平方公里的園區", BlockKind.Paragraph),
        ], raw.Blocks.Select(b => (b.Text, b.Kind)));
    }
}
