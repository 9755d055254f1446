namespace HetaoSite.Core.Model;

/// <summary>
/// Metadata declared by the file itself: YAML front matter, or the <c>&lt;meta&gt;</c> of an HTML page.
/// Known keys are typed; everything else is kept in <see cref="Extra"/> as text.
/// </summary>
/// <param name="Origin"><see cref="MetadataOrigin.FrontMatter"/> or <see cref="MetadataOrigin.HtmlMeta"/>.</param>
/// <param name="DateLine">1-based line of the date key, for error messages.</param>
/// <param name="DateFrom">Which key gave the date, for people (<c>meta article:published_time</c>, <c>time datetime</c>);
/// null for front matter, whose key needs no naming.</param>
/// <param name="Image">The lead image the file declares (front matter <c>image:</c>, the page's <c>og:image</c> or first figure).</param>
public sealed record SourceMetadata(
    MetadataOrigin Origin,
    string? Title,
    PartialDate? Date,
    string? Outlet,
    string? Url,
    string? Language,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Extra,
    int? DateLine = null,
    string? DateFrom = null,
    ArticleImage? Image = null)
{
    public static SourceMetadata None { get; } =
        new(MetadataOrigin.FrontMatter, null, null, null, null, null, [], new Dictionary<string, string>());
}
