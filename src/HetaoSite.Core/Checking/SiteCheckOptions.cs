using System.Text.RegularExpressions;

namespace HetaoSite.Core.Checking;

/// <summary>
/// What <see cref="SiteChecker"/> needs to know about the site beyond its files.
/// </summary>
/// <param name="BasePath">The path every internal link must start with, normalised ("/" or "/repo/").</param>
/// <param name="BaseUrl">The absolute URL of the published site (trailing slash); feed and sitemap URLs must start with it. Null skips that check.</param>
public sealed record SiteCheckOptions(string BasePath, string? BaseUrl)
{
    /// <summary>
    /// Output paths of article pages (one page per article): <c>articles/{id}/index.html</c> or <c>articles/{id}.html</c>,
    /// under any script prefix such as <c>hans/</c>; the <c>articles/index.html</c> list is not one.
    /// </summary>
    public Regex ArticlePages { get; init; } = new(@"(^|/)articles/(?!index\.html$)[^/]+(/index)?\.html$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A CSS selector that matches a rendered event; an article page without a match gets HS0305.</summary>
    public string EventSelector { get; init; } = "[data-event-id], [data-event], .event";
}
