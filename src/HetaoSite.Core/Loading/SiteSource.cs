using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>A template or static asset file from <c>templates/</c>: its path relative to that folder and its bytes.</summary>
public sealed record TemplateFile(string Path, byte[] Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}

/// <summary>
/// An image file from <c>seeds/</c> (an asset articles may show): its path relative to that folder, its bytes, their
/// SHA-256 and the width and height its header states (null when the header is not one <see cref="ImageHeader"/> reads).
/// </summary>
public sealed record ImageFile(string Path, byte[] Bytes)
{
    public string ContentHash { get; } = SourceFile.HashOf(Bytes);

    public ImageSize? Size { get; } = ImageHeader.Read(Bytes);

    public override string ToString() => Path;
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
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The image files of the seeds folder, by path; articles refer to them.</summary>
    public IReadOnlyList<ImageFile> Images { get; init; } = [];
}
