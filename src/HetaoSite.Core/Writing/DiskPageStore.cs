using System.Collections.Concurrent;
using Nerdbank.MessagePack;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The page records of the last build written to an output folder, in one file <c>&lt;root&gt;/pages/pages.bin</c>:
/// the SHA-256 of its body, then the body (the output folder and the records, MessagePack by <see cref="StoredValues"/>), written to a
/// temporary file and renamed into place. A file that is missing, damaged or made for another output folder is no
/// records: every page renders. Each build's <see cref="Save"/> keeps exactly the pages that build produced.
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
        var body = StoredValues.Serializer.Serialize<(string, List<PageRecord>), Shapes>((_output, records));
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

            var (output, records) = StoredValues.Serializer.Deserialize<(string, List<PageRecord>), Shapes>(body);
            return output == _output && records is not null
                ? records.Where(r => r is { OutputPath: not null, Reads: not null }).ToDictionary(r => r.OutputPath, StringComparer.Ordinal)
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or MessagePackSerializationException or ArgumentException)
        {
            return [];
        }
    }
}
