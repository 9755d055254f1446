namespace HetaoSite.Cli.Tests.TestSupport;

/// <summary>A built site's files, for comparing two builds byte for byte.</summary>
public static class SiteFiles
{
    /// <summary>Every file under <paramref name="root"/>, by its path relative to it, in ordinal order, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Read(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes),
        StringComparer.Ordinal);
}
