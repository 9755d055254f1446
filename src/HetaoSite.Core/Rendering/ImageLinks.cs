using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>Where pages find an article's image.</summary>
internal static class ImageLinks
{
    /// <summary>
    /// The site path of a copied local image, each segment percent-encoded (<c>/images/%E5%9C%96.3f2a9c1b.jpg</c>), for
    /// <see cref="SiteUrls"/> as an asset (one copy serves both scripts); null for a remote image.
    /// </summary>
    public static string? SitePath(ArticleImage image) =>
        image.OutputPath is { } path ? "/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)) : null;

    /// <summary>The absolute URL: base URL + path for a local image, the https URL for a remote one.</summary>
    public static string AbsoluteUrl(ArticleImage image, SiteUrls urls) =>
        SitePath(image) is { } path ? urls.AbsoluteUrl(path, SiteUrls.Asset) : image.Source;
}
