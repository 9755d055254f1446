using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class CollapseDuplicatesTests
{
    private const string Caption = "河套深港科技創新合作區深圳園區一景(2023年8月1日攝)。新華社記者 梁旭 攝";

    [Fact]
    public void A_repeated_caption_collapses_to_its_first_copy()
    {
        var pass = CollapseDuplicates.Apply(Pass("正文第一段。", Caption, Caption, "正文第二段。"));
        Assert.Equal(["正文第一段。", Caption, "正文第二段。"], pass.Texts);
        Assert.Equal(3, pass.Blocks[1].Line);
        Assert.Equal(1, pass.Stats.Duplicates);
    }

    [Fact]
    public void A_heading_copy_makes_the_first_copy_a_heading()
    {
        var pass = CollapseDuplicates.Apply(Pass([new TextBlock("“小支點”釋放創新“大能量”", BlockKind.Paragraph, 4), new TextBlock("“小支點”釋放創新“大能量”", BlockKind.Heading, 13)]));
        var block = Assert.Single(pass.Blocks);
        Assert.Equal((4, BlockKind.Heading), (block.Line, block.Kind));
    }

    [Fact]
    public void Short_blocks_repeat_freely_unless_adjacent()
    {
        var pass = CollapseDuplicates.Apply(Pass("是", "第二段正文內容。", "是", "是"));
        Assert.Equal(["是", "第二段正文內容。", "是"], pass.Texts);
    }
}
