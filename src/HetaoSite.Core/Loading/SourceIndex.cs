using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// What the last build learned about a seeds folder: for every article file, its size and times (<see cref="SourceStamp"/>)
/// and the SHA-256 of its bytes. The next read takes a file whose stamp is unchanged for the content it had, without
/// reading it (the test <c>make</c>, <c>rsync</c> and git's index rely on; the creation time adds a check that
/// <c>cp -p</c> and <c>touch -r</c> cannot fake), so a rebuild reads only the articles that changed, and the others only
/// when their cached result is missing.
/// </summary>
/// <remarks>
/// <para>Kept in the cache folder, one file per seeds folder, as lines <c>hash\tsize\twrite ticks\tcreation ticks\tpath</c>
/// after a header naming the folder and the moment its files were examined. A missing, unreadable, damaged or foreign
/// index is an empty one: it can make a build faster, never different.</para>
/// <para>A file's times have a granularity (a few milliseconds on Linux, two seconds on FAT): a file written again
/// within the same tick, with the same size, keeps its stamp. So, as git does with its "racily clean" entries, a file
/// is only vouched for when it was last written at least <see cref="SettleTime"/> before the build that examined it;
/// an article saved just before a build is read again by the next one.</para>
/// </remarks>
public sealed class SourceIndex
{
    /// <summary>How long before being examined a file must have been written for its stamp to vouch for its content.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    private const string Header = "hetao-source-index 1";

    private readonly Dictionary<string, Entry> _entries;

    private SourceIndex(string seedsDirectory, long examinedTicks, Dictionary<string, Entry> entries)
    {
        SeedsDirectory = seedsDirectory;
        ExaminedTicks = examinedTicks;
        _entries = entries;
    }

    /// <summary>A file as examined: the SHA-256 of its bytes (upper-case hex) and its stamp.</summary>
    public sealed record Entry(string ContentHash, SourceStamp Stamp);

    /// <summary>The full path of the seeds folder this index describes.</summary>
    public string SeedsDirectory { get; }

    /// <summary>When the files were examined (UTC ticks): just before the build that recorded them started reading.</summary>
    public long ExaminedTicks { get; }

    public int Count => _entries.Count;

    /// <summary>An index that knows nothing about <paramref name="seedsDirectory"/>.</summary>
    public static SourceIndex Empty(string seedsDirectory) => new(FullPath(seedsDirectory), 0, new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>
    /// The index of the files a build found, examined at <paramref name="examinedAt"/> (taken before their stamps were):
    /// files without a stamp, or with a line break in their name, are left out.
    /// </summary>
    public static SourceIndex Of(string seedsDirectory, DateTime examinedAt, IEnumerable<SourceFile> files)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // A line break in a name would end its line early (and so empty the whole index when loaded).
            if (file.Stamp is { } stamp && file.FileName.AsSpan().IndexOfAny('\n', '\r') < 0)
            {
                entries[file.FileName] = new Entry(file.ContentHash, stamp);
            }
        }

        return new SourceIndex(FullPath(seedsDirectory), examinedAt.ToUniversalTime().Ticks, entries);
    }

    /// <summary>Where the index of <paramref name="seedsDirectory"/> lives under the cache folder <paramref name="cacheRoot"/>.</summary>
    public static string PathFor(string cacheRoot, string seedsDirectory) =>
        Writing.CacheFiles.PathAbout(cacheRoot, "sources", seedsDirectory, ".index");

    /// <summary>
    /// The content hash of the file at <paramref name="relativePath"/> if it still has the stamp recorded for it and had
    /// settled when recorded; otherwise null, and the file must be read.
    /// </summary>
    public string? HashOf(string relativePath, SourceStamp stamp) =>
        _entries.TryGetValue(relativePath, out var entry) && entry.Stamp == stamp
        && stamp.LastWriteTicks <= ExaminedTicks - SettleTime.Ticks && stamp.CreationTicks <= ExaminedTicks - SettleTime.Ticks
            ? entry.ContentHash
            : null;

    /// <summary>Reads the index at <paramref name="indexPath"/>; anything wrong with it gives an empty index.</summary>
    public static SourceIndex Load(string indexPath, string seedsDirectory)
    {
        var full = FullPath(seedsDirectory);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            using var reader = new StreamReader(indexPath, Encoding.UTF8);
            if (reader.ReadLine() != Header || reader.ReadLine() != full || !TryParse(reader.ReadLine(), out var examined))
            {
                return Empty(full);
            }

            while (reader.ReadLine() is { } line)
            {
                var parts = line.Split('\t', 5);
                if (parts.Length != 5 || parts[0].Length != 2 * SHA256.HashSizeInBytes || !parts[0].All(char.IsAsciiHexDigitUpper)
                    || !TryParse(parts[1], out var length) || !TryParse(parts[2], out var written) || !TryParse(parts[3], out var created))
                {
                    return Empty(full);
                }

                entries[parts[4]] = new Entry(parts[0], new SourceStamp(length, written, created));
            }

            return new SourceIndex(full, examined, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Empty(full);
        }
    }

    /// <summary>Writes the index atomically; a failure only costs the next build its shortcut.</summary>
    public bool TrySave(string indexPath)
    {
        var text = new StringBuilder(Header).Append('\n').Append(SeedsDirectory).Append('\n')
            .Append(ExaminedTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (path, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var stamp = entry.Stamp;
            text.Append(entry.ContentHash).Append('\t')
                .Append(stamp.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(stamp.LastWriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(stamp.CreationTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(path).Append('\n');
        }

        return Writing.CacheFiles.TryWriteAtomically(indexPath, Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static bool TryParse(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string FullPath(string directory) => Writing.CacheFiles.FullPath(directory);
}
