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
    public string Url(string path, string? script = null) => _basePath + Relative(path, script);

    /// <summary>Absolute URL for canonical links, feeds and the sitemap: base URL + script prefix + path.</summary>
    public string AbsoluteUrl(string path, string? script = null) => _baseUrl + Relative(path, script);

    /// <summary>The path inside the output folder (no base path): "zh-hans/years/2024/".</summary>
    public string Relative(string path, string? script = null)
    {
        var trimmed = (path ?? string.Empty).TrimStart('/');
        return script switch
        {
            Asset => trimmed,
            null or "" => _rendition.Prefix + trimmed,
            "zh-Hans" => Rendition.PrefixOf(Script.Hans, _rendition.DefaultScript) + trimmed,
            "zh-Hant" => Rendition.PrefixOf(Script.Hant, _rendition.DefaultScript) + trimmed,
            _ => throw new ArgumentException($"unknown script '{script}': use zh-Hant, zh-Hans or asset", nameof(script)),
        };
    }
}
