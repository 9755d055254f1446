using System.Text;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>A rendered site in memory, with helpers to read its files.</summary>
public sealed class RenderedSite
{
    public RenderedSite(SiteContent content, IReadOnlyList<HetaoSite.Core.Loading.TemplateFile>? templates = null)
    {
        var result = SiteRenderer.Render(content, templates ?? RepoTemplates.All);
        Diagnostics = result.Diagnostics;
        Files = result.Value.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public IEnumerable<string> HtmlPaths => Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public string Text(string path) =>
        Files.TryGetValue(path, out var bytes) ? Encoding.UTF8.GetString(bytes)
            : throw new Xunit.Sdk.XunitException($"expected {path} in the output; it has: {string.Join(", ", Files.Keys.Order(StringComparer.Ordinal))}");

    public static RenderedSite Sample(bool converter = false, string? basePath = null) =>
        new(SampleSite.Content(converter ? new FakeScriptConverter() : null, basePath));
}
