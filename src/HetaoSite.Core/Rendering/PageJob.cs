using Scriban.Runtime;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// One output file to render: its template, the layout that wraps it (null for XML/text), and its <c>page</c> object,
/// built in the given <see cref="SharedForm"/>.
/// </summary>
/// <param name="OutputPath">Path in the output folder ("zh-hans/years/2024/index.html").</param>
/// <param name="Path">The site path of an HTML page listed in the sitemap ("/years/2024/"); null otherwise.</param>
/// <param name="Article">For an article page, its article: with a <see cref="Model.ArticleExtraction.ContentKey"/>, the page
/// is fingerprinted from its inputs without building its <c>page</c> object.</param>
internal sealed record PageJob(string OutputPath, string Template, string? Layout, SiteModel Model, Func<SharedForm, ScriptObject> Page, string? Path = null,
    Model.ArticleExtraction? Article = null);
