using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class MarkCaptionsTests
{
    private const string Body = "河套深港科技創新合作區深圳園區探索實施了選題征集、團隊揭榜等國際通行的科研管理創新機制，今年已發布6項揭榜選題，並試點項目經理人制。";

    [Theory]
    [InlineData("這是深圳河兩岸的河套深港科技創新合作區深圳園區和香港落馬洲河套地區(無人機全景照片,2023年8月23日攝)。新華社記者 梁旭 攝")]
    [InlineData("河套深港科技創新合作區。 深圳特區報記者 周紅聲 攝")]
    [InlineData("國際量子研究院技術人員在稀釋製冷機旁工作。 中新社")]
    [InlineData("河套深港科技創新合作區首批重點項目——河套壹號的建設現場。 新華社")]
    [InlineData("首屆河套創客日，深港創業團隊參與其中。 大公報記者胡永愛攝")]
    [InlineData("圖為河套深港科技創新合作區。")]
    [InlineData("图为河套合作区一景")]
    [InlineData("河套合作區一景（資料圖片）")]
    public void Photo_captions_are_recognised(string text) => Assert.True(MarkCaptions.IsCaption(text), $"expected '{text}' to be a caption");

    [Theory]
    [InlineData("新華社深圳8月8日電，河套深圳園區又迎來多家科技創新機構落地。")]
    [InlineData("他說，這是新華社的報道。")]
    [InlineData("持續擴大深港合作“最大公約數”")]
    [InlineData(Body)]
    public void Text_is_not_a_caption(string text) => Assert.False(MarkCaptions.IsCaption(text), $"'{text}' is not a caption");

    [Fact]
    public void Captions_become_caption_blocks_and_are_counted()
    {
        var pass = MarkCaptions.Apply(Pass("標題", Body, "國際量子研究院技術人員在稀釋製冷機旁工作。 中新社"));
        Assert.Equal([BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Caption], pass.Blocks.Select(b => b.Kind));
        Assert.Equal(1, pass.Stats.Captions);
    }

    [Fact]
    public void Isolated_short_labels_after_the_body_started_are_captions()
    {
        // Seed 002: photo labels stand alone between runs of blank lines; headings sit one blank line from the text.
        TextBlock[] blocks =
        [
            new("幸福是什么", BlockKind.Paragraph, 5),
            new(Body, BlockKind.Paragraph, 57),
            new("深港國際科技園", BlockKind.Paragraph, 61),
            new("河套合作區香港創業青年為來訪者介紹項目", BlockKind.Paragraph, 65),
            new("深港協同創新中心", BlockKind.Paragraph, 69),
            new(Body + "又", BlockKind.Paragraph, 71),
            new("A 科創資源集聚獲得重大突破", BlockKind.Paragraph, 75),
            new("B 制度創新加速各種要素流動", BlockKind.Paragraph, 77),
        ];
        var pass = MarkCaptions.Apply(Pass(blocks));
        Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Caption, BlockKind.Caption, BlockKind.Caption, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph],
            pass.Blocks.Select(b => b.Kind));
    }

    [Fact]
    public void A_short_sentence_under_a_caption_and_before_blank_lines_is_its_second_line()
    {
        TextBlock[] blocks =
        [
            new("河套深港科技創新合作區首批重點項目——河套壹號的建設現場。 新華社", BlockKind.Paragraph, 101),
            new("深港青年參觀位於河套地區的粵港澳青年創新創業工場。", BlockKind.Paragraph, 103),
            new("粵醫檢AI創新平台上線 港企可參與", BlockKind.Paragraph, 107),
            new("河套深港科技創新合作區共3.89平方公里。", BlockKind.Paragraph, 109),
        ];
        var pass = MarkCaptions.Apply(Pass(blocks));
        Assert.Equal([BlockKind.Caption, BlockKind.Caption, BlockKind.Paragraph, BlockKind.Paragraph], pass.Blocks.Select(b => b.Kind));
    }

    [Fact]
    public void Extra_caption_patterns_come_from_the_config()
    {
        var options = new CleaningOptions([], [@"（[^）]*供圖）"]);
        var pass = MarkCaptions.Apply(Pass([new TextBlock("（深圳園區供圖）", BlockKind.Paragraph, 1)], options));
        Assert.Equal(BlockKind.Caption, Assert.Single(pass.Blocks).Kind);
    }
}
