using Microsoft.AspNetCore.StaticFiles;

namespace HetaoSite.Cli.Serving;

/// <summary>The Content-Type of a built file by its extension; text types say they are UTF-8, as the build writes them.</summary>
public static class ContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = CreateProvider();

    public static string For(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var type = Provider.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        var isText = type.StartsWith("text/", StringComparison.Ordinal) || extension is ".json" or ".js" or ".xml" or ".svg" or ".webmanifest";
        return isText ? $"{type}; charset=utf-8" : type;
    }

    private static FileExtensionContentTypeProvider CreateProvider()
    {
        var provider = new FileExtensionContentTypeProvider();
        // The defaults say text/xml for .xml; feeds and the sitemap are served as application/xml by GitHub Pages.
        provider.Mappings[".xml"] = "application/xml";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".json"] = "application/json";
        provider.Mappings[".svg"] = "image/svg+xml";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".xsl"] = "application/xslt+xml";
        return provider;
    }
}
