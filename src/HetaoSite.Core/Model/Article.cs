using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>A cleaned article with its resolved metadata. What <c>articles.json</c> and the article pages show.</summary>
/// <param name="Id">URL-safe slug, unique in the site (from the file name).</param>
/// <param name="Published">The publication date; null when no source gives one (the article is undated: its relative
/// dates are dropped, it is listed last and shown as of unknown date).</param>
/// <param name="DateSource">Which source the published date came from (see <see cref="MetadataOrigin"/>); None when undated.</param>
/// <param name="PublishedFrom">Where exactly, for people: <c>masthead, line 1</c>, <c>front matter</c>, <c>config</c>,
/// <c>meta article:published_time</c>, <c>dateline, line 3 (year from URL)</c>; null when undated.</param>
/// <param name="Image">The lead image; null when the article has none (or its file is missing).</param>
[MemoryPackable]
public sealed partial record Article(
    string Id,
    string FileName,
    string Title,
    string? Outlet,
    string? Url,
    PartialDate? Published,
    MetadataOrigin DateSource,
    string? PublishedFrom,
    string Language,
    Script Script,
    string Encoding,
    ArticleFormat Format,
    int CharacterCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<TextBlock> Blocks,
    IReadOnlyList<Byline> Bylines,
    CleaningStats Stats,
    ArticleImage? Image = null)
{
    [MemoryPackIgnore]
    public bool IsUndated => Published is null;
}
