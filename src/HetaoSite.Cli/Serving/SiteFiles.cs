using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Serving;

/// <summary>
/// An immutable snapshot of a built site, in memory, as the preview server serves it. A rebuild makes a new
/// snapshot and swaps it in whole, so a request never sees half of one build and half of the next.
/// </summary>
public sealed class SiteFiles
{
    private readonly Dictionary<string, OutputFile> _files;

    public SiteFiles(IEnumerable<OutputFile> files, string basePath, int version)
    {
        _files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _files[file.Path] = file;
        }

        BasePath = basePath;
        Version = version;
    }

    /// <summary>The path the site is mounted under: "/" or "/repo/".</summary>
    public string BasePath { get; }

    /// <summary>Counts successful builds; the reload script compares it after reconnecting.</summary>
    public int Version { get; }

    public int Count => _files.Count;

    public bool IsEmpty => _files.Count == 0;

    public static SiteFiles Empty(string basePath) => new([], basePath, 0);

    /// <summary>The file at <paramref name="relativePath"/> ('/'-separated, no leading slash), if the build made it.</summary>
    public OutputFile? Find(string relativePath) => _files.GetValueOrDefault(relativePath);

    /// <summary>True when <paramref name="relativePath"/> names a folder with an index page ("about" for "about/index.html").</summary>
    public bool IsDirectory(string relativePath) =>
        relativePath.Length > 0 && !relativePath.EndsWith('/') && _files.ContainsKey(relativePath + "/index.html");
}
