using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The only place links are made. Templates call it as <c>url</c> and <c>absolute_url</c>; both take a site path
/// such as <c>/years/2024/</c> (or <c>/#event-id</c>) and an optional script: omitted = the page's script,
/// <c>"zh-Hant"</c>/<c>"zh-Hans"</c> = that script's copy, <c>"asset"</c> = a file shared by both scripts (css, js, data).
/// </summary>
/// <example>With base path <c>/hetao-site/</c>, rendering zh-Hans of a zh-Hant site:
/// <c>url "/years/2024/"</c> → <c>/hetao-site/zh-hans/years/2024/</c>; <c>url "/css/site.css" "asset"</c> → <c>/hetao-site/css/site.css</c>.</example>
public sealed class SiteUrls
{
    public const string Asset = "asset";

    private readonly string _basePath;
    private readonly string _baseUrl;
    private readonly Rendition _rendition;

    public SiteUrls(string basePath, string baseUrl, Rendition rendition)
    {
        _basePath = Configuration.SiteConfigParser.NormaliseBasePath(basePath);
        _baseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        _rendition = rendition;
    }

    /// <summary>Root-relative link: base path + script prefix + path.</summary>
    public string Url(string path, string? script = null) => Join(_basePath, path, script);

    /// <summary>Absolute URL for canonical links, feeds and the sitemap: base URL + script prefix + path.</summary>
    public string AbsoluteUrl(string path, string? script = null) => Join(_baseUrl, path, script);

    /// <summary>The path inside the output folder (no base path): "zh-hans/years/2024/".</summary>
    public string Relative(string path, string? script = null) => Join(string.Empty, path, script);

    // One string per link: templates make hundreds of thousands of them per build. A path that is already the link (at
    // the root of a site at "/", in the script there) is the link itself, without a copy.
    private string Join(string root, string? path, string? script)
    {
        var prefix = PrefixFor(script);
        if (root == "/" && prefix.Length == 0 && path is ['/', ..] && (path.Length == 1 || path[1] != '/'))
        {
            return path;
        }

        return string.Concat(root, prefix, (path ?? string.Empty).AsSpan().TrimStart('/'));
    }

    private string PrefixFor(string? script) => script switch
    {
        Asset => string.Empty,
        null or "" => _rendition.Prefix,
        "zh-Hans" => Rendition.PrefixOf(Script.Hans, _rendition.DefaultScript),
        "zh-Hant" => Rendition.PrefixOf(Script.Hant, _rendition.DefaultScript),
        _ => throw new ArgumentException($"unknown script '{script}': use zh-Hant, zh-Hans or asset", nameof(script)),
    };
}
