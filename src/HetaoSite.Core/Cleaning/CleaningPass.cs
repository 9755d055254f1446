using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning;

/// <summary>
/// The state one cleaning rule hands to the next: the blocks so far, what was set aside, the counts and the notes.
/// Rules are pure functions <c>CleaningPass → CleaningPass</c>; their order lives in <see cref="TextCleaner"/>.
/// </summary>
public sealed record CleaningPass(
    string FileName,
    IReadOnlyList<TextBlock> Blocks,
    IReadOnlyList<Byline> Bylines,
    CleaningStats Stats,
    IReadOnlyList<Diagnostic> Diagnostics,
    CleaningOptions Options,
    ArticleOverride? Override,
    Script Script = Script.Hant,
    string Language = "zh-Hant")
{
    /// <summary>A pass over <paramref name="blocks"/> with nothing done yet (what tests start from).</summary>
    public static CleaningPass Start(string fileName, IReadOnlyList<TextBlock> blocks, CleaningOptions? options = null, ArticleOverride? articleOverride = null) =>
        new(fileName, blocks, [], CleaningStats.Empty, [], options ?? CleaningOptions.Default, articleOverride);

    /// <summary>The texts of the blocks, for tests and logs.</summary>
    public IReadOnlyList<string> Texts => Blocks.Select(b => b.Text).ToList();
}
