using Scriban.Runtime;

namespace HetaoSite.Core.Rendering;

/// <summary>One output file to render: its template, the layout that wraps it (null for XML/text), and its <c>page</c> object.</summary>
/// <param name="OutputPath">Path in the output folder ("zh-hans/years/2024/index.html").</param>
/// <param name="Path">The site path of an HTML page listed in the sitemap ("/years/2024/"); null otherwise.</param>
internal sealed record PageJob(string OutputPath, string Template, string? Layout, SiteModel Model, Func<ScriptObject> Page, string? Path = null);
