using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning;

/// <summary>
/// Cleans an article by running the rules of <see cref="Rules"/> in order (each rule lives in Cleaning/Rules with its own
/// tests; docs/ingestion.md explains them). The stored seed is never changed: the result is a derived value.
/// Cleaning is idempotent: cleaning the cleaned blocks again (without corrections) gives the same blocks.
/// </summary>
public static class TextCleaner
{
    /// <summary>The cleaning rules, in the order they run. This array is the one place that order is decided.</summary>
    private static readonly Func<CleaningPass, CleaningPass>[] Rules =
    [
        NormalizeWhitespace.Apply,
        ApplyCorrections.Apply,
        StripPinyinAnnotations.Apply,
        DetectGarbled.Apply,
        StripBoilerplate.Apply,
        ExtractBylines.Apply,
        CollapseDuplicates.Apply,
        MarkCaptions.Apply,
        DetectScript.Apply,
    ];

    /// <param name="cancellation">Checked before each rule; the article's time limit (see <see cref="ArticleProcessor"/>).</param>
    public static StageResult<CleanArticle> Clean(RawArticle raw, CleaningOptions options, ArticleOverride? articleOverride, CancellationToken cancellation = default)
    {
        var pass = CleaningPass.Start(raw.FileName, raw.Blocks, options, articleOverride);
        foreach (var rule in Rules)
        {
            cancellation.ThrowIfCancellationRequested();
            pass = rule(pass);
        }

        var bylines = pass.Bylines.OrderBy(b => b.Line).ToList();
        var clean = new CleanArticle(raw, pass.Blocks, bylines, pass.Script, pass.Language, pass.Stats, pass.Diagnostics);
        return new StageResult<CleanArticle>(clean, pass.Diagnostics);
    }
}
