namespace HetaoSite.Core.Model;

/// <summary>A cleaned article with its resolved metadata. What <c>articles.json</c> and the article pages show.</summary>
/// <param name="Id">URL-safe slug, unique in the site (from the file name).</param>
/// <param name="DateSource">Which source the published date came from (see <see cref="MetadataOrigin"/>).</param>
public sealed record Article(
    string Id,
    string FileName,
    string Title,
    string? Outlet,
    string? Url,
    PartialDate Published,
    MetadataOrigin DateSource,
    string Language,
    Script Script,
    string Encoding,
    ArticleFormat Format,
    int CharacterCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<TextBlock> Blocks,
    IReadOnlyList<Byline> Bylines,
    CleaningStats Stats);
