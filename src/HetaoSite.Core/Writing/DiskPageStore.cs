using System.Collections.Concurrent;
using System.IO.Hashing;
using HetaoSite.Core.Rendering;
using MemoryPack;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The page records of the last build written to an output folder, in one file <c>&lt;root&gt;/pages/pages.bin</c>:
/// the checksum of its body, then the body (the engine version, the output folder and the records, by
/// <see cref="StoredValues"/>), written to a temporary file and renamed into place. A file that is missing, damaged, or
/// made by another build of the engine or for another output folder is no records: every page renders. Each build's <see cref="Save"/> keeps exactly the pages that build produced.
/// </summary>
/// <remarks>
/// A record keeps the last write time of its page's file, taken after the file was known to hold the recorded bytes
/// (written by the build, or read and hashed). A file that still has that time and size is the recorded one and is not
/// read again, as git trusts its index: writing a file sets its time. File systems keep times in steps, so a file
/// written twice within one step may keep its time; a time less than <see cref="Settled"/> before the records were
/// saved is therefore not trusted, and such a file is read and hashed.
/// </remarks>
public sealed class DiskPageStore : IPageStore
{
    /// <summary>The store's folder under the cache folder.</summary>
    public const string Folder = "pages";

    private const string FileName = "pages.bin";

    /// <summary>Longer than the step in which any common file system keeps a file's last write time.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(2);

    private readonly string _path;
    private readonly string _output;
    private readonly Lazy<(Dictionary<string, PageRecord> Records, long TrustedBefore)> _previous;
    // This build's records, in the order they came: a list under a lock, held for one append, where a concurrent table
    // made the render threads wait on each other's locks while it grew. Save keeps the last record of each path.
    private readonly List<PageRecord> _current = [];
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, long> _hashedAt = new(StringComparer.Ordinal);
    private int _rendered;
    private int _reused;

    /// <param name="root">The cache folder (<c>.hetao-cache/</c>).</param>
    /// <param name="output">The output folder the records describe.</param>
    public DiskPageStore(string root, string output)
    {
        _path = Path.Combine(Path.GetFullPath(root), Folder, FileName);
        _output = Path.GetFullPath(output);
        _previous = new(Load);
    }

    public int RenderedCount => _rendered;

    public int ReusedCount => _reused;

    public PageRecord? Find(string outputPath) => _previous.Value.Records.GetValueOrDefault(outputPath);

    public bool HasOutput(PageRecord record)
    {
        try
        {
            var path = SiteWriter.ResolveInside(_output, record.OutputPath);
            var info = new FileInfo(path);
            if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.Length != record.Size)
            {
                return false;
            }

            var modified = info.LastWriteTimeUtc.Ticks;
            if (modified == record.Modified && modified < _previous.Value.TrustedBefore)
            {
                return true;
            }

            if (HashOfFile(path, record.Size) != record.ContentHash)
            {
                return false;
            }

            // The bytes read are those the file had at the time taken before reading them: writing it since changes that time.
            _hashedAt[record.OutputPath] = modified;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// <see cref="PageRecord.HashOf"/> of the file at <paramref name="path"/>, read in pieces through a pooled buffer
    /// (the first rebuild after a build reads every file written shortly before its records were saved, and a whole
    /// copy of each would be garbage). Null when the file is not <paramref name="size"/> bytes long.
    /// </summary>
    private static string? HashOfFile(string path, long size)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var hash = new XxHash128();
        hash.Append(stream);
        return stream.Position == size ? Convert.ToHexString(hash.GetCurrentHash()) : null;
    }

    public void Rendered(PageRecord? record)
    {
        Interlocked.Increment(ref _rendered);
        if (record is not null)
        {
            Keep(record);
        }
    }

    public void Reused(PageRecord record)
    {
        Interlocked.Increment(ref _reused);
        Keep(_hashedAt.TryGetValue(record.OutputPath, out var modified) ? record with { Modified = modified } : record);
    }

    private void Keep(PageRecord record)
    {
        lock (_lock)
        {
            _current.Add(record);
        }
    }

    /// <summary>Writes this build's records; a failed write only costs the next build speed.</summary>
    public int Save()
    {
        var latest = new Dictionary<string, PageRecord>(_current.Count, StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var record in _current)
            {
                latest[record.OutputPath] = record;
            }
        }

        var records = latest.Values.Select(r => r.Modified == 0 ? WithWriteTime(r) : r).OrderBy(r => r.OutputPath, StringComparer.Ordinal).ToList();
        // Pages read the same paths again and again (every list page reads each card's), so each path and each list of
        // paths is stored once, and a record keeps the number of its list.
        var numbers = new PathNumbers();
        var pages = records.Select(r => new StoredPage(r with { Reads = [] }, numbers.ListOf(r.Reads))).ToList();
        var body = StoredValues.Serialize(new StoredPages(BuildContext.EngineVersion, _output, numbers.Paths, numbers.Lists, pages));
        return StoredValues.TryWrite(_path, body) ? records.Count : 0;
    }

    /// <summary>A page this build rendered, with the last write time of its file: the output was just written, so it holds the rendered bytes.</summary>
    private PageRecord WithWriteTime(PageRecord record)
    {
        try
        {
            var info = new FileInfo(SiteWriter.ResolveInside(_output, record.OutputPath));
            return info.Exists && info.Length == record.Size ? record with { Modified = info.LastWriteTimeUtc.Ticks } : record;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return record;
        }
    }

    /// <summary>The records, and the write time before which a file's time is trusted (<see cref="Settled"/> before they were saved).</summary>
    private (Dictionary<string, PageRecord> Records, long TrustedBefore) Load()
    {
        try
        {
            var saved = new FileInfo(_path);
            if (!saved.Exists || StoredValues.Body(File.ReadAllBytes(_path)) is not { } body)
            {
                return ([], 0);
            }

            if (StoredValues.TryDeserialize<StoredPages>(body.Span) is not { Paths: { } paths, Lists: { } lists, Pages: { } pages } stored
                || stored.Engine != BuildContext.EngineVersion || stored.Output != _output || PathNumbers.Names(paths, lists) is not { } named)
            {
                return ([], 0);
            }

            var records = new Dictionary<string, PageRecord>(pages.Count, StringComparer.Ordinal);
            foreach (var page in pages)
            {
                if (page is { Record.OutputPath: { } outputPath } && (uint)page.List < (uint)named.Length)
                {
                    records.TryAdd(outputPath, page.Record with { Reads = named[page.List] });
                }
            }

            return (records, saved.LastWriteTimeUtc.Ticks - Settled.Ticks);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ([], 0);
        }
    }
}

/// <summary>What the page store's file holds: every path read, once, every list of paths read, once, and the pages.</summary>
[MemoryPackable]
internal sealed partial record StoredPages(string Engine, string Output, List<string> Paths, List<int[]> Lists, List<StoredPage> Pages);

/// <summary>A page's record, its reads given as the number of a list of <see cref="StoredPages.Lists"/> (the record's own are empty).</summary>
[MemoryPackable]
internal sealed partial record StoredPage(PageRecord Record, int List);
