using System.Collections.Concurrent;
using MemoryPack;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The page records of the last build written to an output folder, in one file <c>&lt;root&gt;/pages/pages.bin</c>:
/// the checksum of its body, then the body (the engine version, the output folder and the records, by
/// <see cref="StoredValues"/>), written to a temporary file and renamed into place. A file that is missing, damaged, or
/// made by another build of the engine or for another output folder is no records: every page renders. Each build's <see cref="Save"/> keeps exactly the pages that build produced.
/// </summary>
public sealed class DiskPageStore : IPageStore
{
    /// <summary>The store's folder under the cache folder.</summary>
    public const string Folder = "pages";

    private const string FileName = "pages.bin";

    private readonly string _path;
    private readonly string _output;
    private readonly Lazy<Dictionary<string, PageRecord>> _previous;
    private readonly ConcurrentDictionary<string, PageRecord> _current = new(StringComparer.Ordinal);
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

    public PageRecord? Find(string outputPath) => _previous.Value.GetValueOrDefault(outputPath);

    public bool HasOutput(PageRecord record)
    {
        try
        {
            var path = SiteWriter.ResolveInside(_output, record.OutputPath);
            var info = new FileInfo(path);
            return info.Exists && !info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.Length == record.Size
                && PageRecord.HashOf(File.ReadAllBytes(path)) == record.ContentHash;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return false;
        }
    }

    public void Rendered(PageRecord? record)
    {
        Interlocked.Increment(ref _rendered);
        if (record is not null)
        {
            _current[record.OutputPath] = record;
        }
    }

    public void Reused(PageRecord record)
    {
        Interlocked.Increment(ref _reused);
        _current[record.OutputPath] = record;
    }

    /// <summary>Writes this build's records; a failed write only costs the next build speed.</summary>
    public int Save()
    {
        var records = _current.Values.OrderBy(r => r.OutputPath, StringComparer.Ordinal).ToList();
        var body = StoredValues.Serialize(new StoredPages(BuildContext.EngineVersion, _output, records));
        return StoredValues.TryWrite(_path, body) ? records.Count : 0;
    }

    private Dictionary<string, PageRecord> Load()
    {
        try
        {
            if (!File.Exists(_path))
            {
                return [];
            }

            if (StoredValues.Body(File.ReadAllBytes(_path)) is not { } body)
            {
                return [];
            }

            return StoredValues.TryDeserialize<StoredPages>(body.Span) is { Records: { } records } stored
                && stored.Engine == BuildContext.EngineVersion && stored.Output == _output
                ? records.Where(r => r is { OutputPath: not null, Reads: not null }).ToDictionary(r => r.OutputPath, StringComparer.Ordinal)
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }
}

/// <summary>What the page store's file holds.</summary>
[MemoryPackable]
internal sealed partial record StoredPages(string Engine, string Output, List<PageRecord> Records);
