using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Cleaning;

public sealed class TextCleanerTests
{
    [Fact]
    public void The_rules_run_in_order_on_a_seed_like_article()
    {
        TextBlock[] blocks =
        [
            new("人民網(wǎng)", BlockKind.Paragraph, 1),
            new("“小支點(diǎn)”釋放創(chuàng)新", BlockKind.Paragraph, 4),
            new("2024年08月09日09:31 | 來源:新華網(wǎng)", BlockKind.Paragraph, 6),
            new("俯瞰河套(無人機照片,2023年8月23日攝)。新華社記者 梁旭 攝", BlockKind.Paragraph, 9),
            new("俯瞰河套(無人機照片,2023年8月23日攝)。新華社記者 梁旭 攝", BlockKind.Paragraph, 11),
            new("新華社深圳8月8日電 題:“小支點(diǎn)”釋放創(chuàng)新", BlockKind.Paragraph, 13),
            new("返回頂部", BlockKind.Paragraph, 73),
        ];
        var raw = new RawArticle("a.txt", ArticleFormat.Text, "utf-8", SourceMetadata.None, blocks);
        var clean = TextCleaner.Clean(raw, CleaningOptions.Default, null).Value;
        Assert.Equal([("“小支點”釋放創新", BlockKind.Heading, 4), ("俯瞰河套(無人機照片,2023年8月23日攝)。新華社記者 梁旭 攝", BlockKind.Caption, 9)],
            clean.Blocks.Select(b => (b.Text, b.Kind, b.Line)));
        Assert.Equal(["2024年08月09日09:31 | 來源:新華網", "新華社深圳8月8日電"], clean.Bylines.Select(b => b.Text));
        Assert.Equal(new CleaningStats(AnnotationsRemoved: 6, BoilerplateRemoved: 2, Captions: 1, Duplicates: 2, GarbledFragments: 0, CorrectionsApplied: 0), clean.Stats);
        Assert.Equal((Script.Hant, "zh-Hant"), (clean.Script, clean.Language));
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(ArticleTexts)])]
    public bool Cleaning_never_throws_and_cleaning_twice_changes_nothing(ArticleLines article)
    {
        var blocks = article.Lines.Select((text, i) => new TextBlock(text, BlockKind.Paragraph, (i * article.Spacing) + 1)).ToList();
        var once = TextCleaner.Clean(new RawArticle("p.txt", ArticleFormat.Text, "utf-8", SourceMetadata.None, blocks), CleaningOptions.Default, null).Value;
        var twice = TextCleaner.Clean(new RawArticle("p.txt", ArticleFormat.Text, "utf-8", SourceMetadata.None, once.Blocks), CleaningOptions.Default, null).Value;
        return once.Blocks.SequenceEqual(twice.Blocks) && twice.Bylines.Count == 0 && once.Script == twice.Script;
    }

    public sealed record ArticleLines(string[] Lines, int Spacing)
    {
        public override string ToString() => $"Spacing {Spacing}: [{string.Join(" ¶ ", Lines)}]";
    }

    public static class ArticleTexts
    {
        private static readonly string[] Fragments =
        [
            "創(chuàng)新", "區(qū)", "會(hui) ", "(CAISA)", "(WAA聯盟)", "!兑(guī)劃》", "?(qū)", "F(xiàn)", "返回頂部", "人民網", "人民網>>港澳",
            "新華社記者趙瑞希", "大公報記者胡永愛", "2024年08月09日09:31 | 來源:新華網", "深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)",
            "新華社深圳8月8日電 題:", "題:", "。", "，", " ", "\u3000", "\u00A0", "攝", "(2023年8月23日攝)", "。 中新社", "圖為", "河套深港科技創新合作區",
            "河套深港科技创新合作区", "安国市| 大城县| 高邑县| 西乡县| 周宁县|", "AI", "12月11日,", "「量子谷」", "(", ")", "|", "—", "——来自系列报道", "\uFFFD", "??",
        ];

        public static Arbitrary<ArticleLines> Lines()
        {
            var randomText = Gen.ListOf(Gen.Elements("河套深港科技創新合作區的abcXYZ 0123()!?;:，。|記者攝報網年月日電訊题題——·\u3000\uE000\uD800".ToCharArray()))
                .Select(chars => new string([.. chars]));
            var piece = Gen.Frequency((3, Gen.Elements(Fragments)), (2, randomText));
            var line = Gen.ListOf(piece).Select(parts => string.Concat(parts));
            var lines = Gen.ListOf(line).Select(l => l.ToArray());
            return Arb.From(lines.SelectMany(l => Gen.Elements(1, 2, 3, 4), (l, spacing) => new ArticleLines(l, spacing)));
        }
    }
}
