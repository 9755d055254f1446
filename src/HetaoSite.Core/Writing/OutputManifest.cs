using System.Globalization;
using System.Text;

namespace HetaoSite.Core.Writing;

/// <summary>
/// What the writer left in an output folder: for every file, its page fingerprint (for data and static files, a
/// SHA-256 of its bytes) and the file's size and modification time just after the write. The next write leaves a file
/// alone, without reading the cached page or the file, when its fingerprint is the same and the file on disk still has
/// that size and time (the test make and rsync use); any other file is compared byte for byte as before.
/// </summary>
/// <remarks>
/// Kept in the cache folder, one file per output folder, as lines <c>path\tfingerprint\tsize\tticks</c> after a header
/// naming the folder. A missing, unreadable or foreign manifest is an empty one: it can make a write faster, never
/// different. A file edited by hand changes its modification time, so it is compared and rewritten.
/// </remarks>
public sealed class OutputManifest
{
    private const string Header = "hetao-output-manifest 1";

    private readonly Dictionary<string, Entry> _entries;

    private OutputManifest(string outputDirectory, Dictionary<string, Entry> entries)
    {
        OutputDirectory = outputDirectory;
        _entries = entries;
    }

    /// <summary>A page as written: its fingerprint, and the file's size and last write time (UTC ticks) after the write.</summary>
    public sealed record Entry(string Fingerprint, long Length, long LastWriteTicks);

    /// <summary>The full path of the output folder this manifest describes.</summary>
    public string OutputDirectory { get; }

    public int Count => _entries.Count;

    /// <summary>A manifest that knows nothing about <paramref name="outputDirectory"/>.</summary>
    public static OutputManifest Empty(string outputDirectory) =>
        new(FullPath(outputDirectory), new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>Builds a manifest from entries keyed by output path (relative, '/'-separated).</summary>
    public static OutputManifest Of(string outputDirectory, IEnumerable<KeyValuePair<string, Entry>> entries) =>
        new(FullPath(outputDirectory), new Dictionary<string, Entry>(entries, StringComparer.Ordinal));

    /// <summary>Where the manifest of <paramref name="outputDirectory"/> lives under the cache folder <paramref name="cacheRoot"/>.</summary>
    public static string PathFor(string cacheRoot, string outputDirectory) =>
        CacheFiles.PathAbout(cacheRoot, "outputs", outputDirectory, ".manifest");

    /// <summary>Reads the manifest at <paramref name="manifestPath"/>; anything wrong with it gives an empty manifest.</summary>
    public static OutputManifest Load(string manifestPath, string outputDirectory)
    {
        var full = FullPath(outputDirectory);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            using var reader = new StreamReader(manifestPath, Encoding.UTF8);
            if (reader.ReadLine() != Header || reader.ReadLine() != full)
            {
                return Empty(full);
            }

            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split('\t');
                if (parts.Length != 4
                    || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                {
                    return Empty(full);
                }

                entries[parts[0]] = new Entry(parts[1], length, ticks);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Empty(full);
        }

        return new OutputManifest(full, entries);
    }

    /// <summary>Writes the manifest atomically; a failure only costs the next write its shortcut.</summary>
    public bool TrySave(string manifestPath)
    {
        var text = new StringBuilder(Header).Append('\n').Append(OutputDirectory).Append('\n');
        foreach (var (path, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(path).Append('\t').Append(entry.Fingerprint).Append('\t')
                .Append(entry.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(entry.LastWriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return CacheFiles.TryWriteAtomically(manifestPath, Encoding.UTF8.GetBytes(text.ToString()));
    }

    public Entry? Find(string relativePath) => _entries.GetValueOrDefault(relativePath);

    /// <summary>
    /// True when the file at <paramref name="fullPath"/> is the page this manifest recorded for
    /// <paramref name="relativePath"/> under <paramref name="fingerprint"/>: same fingerprint, and a regular file with
    /// the recorded size and modification time.
    /// </summary>
    public bool Holds(string relativePath, string fingerprint, string fullPath) =>
        _entries.TryGetValue(relativePath, out var entry)
        && string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal)
        && Stat(fingerprint, fullPath) == entry;

    /// <summary>The entry describing the file at <paramref name="fullPath"/> as it is now, or null if it is not a regular file.</summary>
    public static Entry? Stat(string fingerprint, string fullPath) =>
        CacheFiles.RegularFile(fullPath) is { } info ? new Entry(fingerprint, info.Length, info.LastWriteTimeUtc.Ticks) : null;

    private static string FullPath(string directory) => CacheFiles.FullPath(directory);
}
