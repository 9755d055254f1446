using HetaoSite.Core.Conversion;

namespace HetaoSite.Core;

/// <summary>
/// What a build needs from outside the inputs, passed in explicitly so that stages stay pure and two builds of the
/// same inputs are byte-identical: the build date (never the wall clock), the script converter (null when OpenCC is
/// not installed), the article memo (null for none), the page store of the output folder (null: every page is
/// rendered), the store of cached partials (used only with a page store), the output base path and base URL
/// overrides, --keep-going, --strict (warnings become errors) and, for --verbose, where to record stage timings.
/// </summary>
public sealed record BuildContext(
    DateOnly? BuildDate,
    IScriptConverter? Converter,
    IArticleCache? Cache = null,
    string? BasePathOverride = null,
    bool KeepGoing = false,
    StageTimings? Timings = null,
    string? BaseUrlOverride = null,
    bool Strict = false,
    IPageStore? Pages = null,
    IFragmentStore? Fragments = null)
{
    /// <summary>
    /// Changes whenever the engine's output for the same input may change; part of every cache key. The engine assembly
    /// is built deterministically, so its module version id changes exactly when its compiled code does: no one has to
    /// remember to bump a number after changing a stage.
    /// </summary>
    public static readonly string EngineVersion = "0.1.0+" + typeof(BuildContext).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
