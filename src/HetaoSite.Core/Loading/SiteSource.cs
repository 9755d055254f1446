using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>A template or static asset file from <c>templates/</c>: its path relative to that folder and its bytes.</summary>
public sealed record TemplateFile(string Path, byte[] Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}

/// <summary>
/// Everything a build reads, in memory: the config text, the article files and the template folder. Produced by
/// <see cref="SiteSourceReader"/> (the only reader of the disk besides the cache) or built directly by tests.
/// </summary>
public sealed record SiteSource(
    string ConfigText,
    string ConfigFileName,
    IReadOnlyList<SourceFile> Articles,
    IReadOnlyList<TemplateFile> Templates,
    IReadOnlyList<Diagnostic> Diagnostics);
