using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

internal static class RuleTestHelpers
{
    /// <summary>A pass over paragraphs on consecutive odd lines (1, 3, 5…: one blank line between, as in the seeds).</summary>
    public static CleaningPass Pass(params string[] texts) =>
        CleaningPass.Start("a.txt", texts.Select((t, i) => new TextBlock(t, BlockKind.Paragraph, (2 * i) + 1)).ToList());

    public static CleaningPass Pass(IEnumerable<TextBlock> blocks, CleaningOptions? options = null, ArticleOverride? articleOverride = null) =>
        CleaningPass.Start("a.txt", blocks.ToList(), options, articleOverride);
}
