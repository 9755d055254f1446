namespace HetaoSite.Core.Model;

/// <summary>
/// An article after cleaning: annotations, boilerplate and duplicates gone, captions marked, bylines set aside.
/// The stored seed is never changed; this is a derived value.
/// </summary>
public sealed record CleanArticle(
    RawArticle Raw,
    IReadOnlyList<TextBlock> Blocks,
    IReadOnlyList<Byline> Bylines,
    Script Script,
    string Language,
    CleaningStats Stats,
    IReadOnlyList<Diagnostic> Diagnostics);
