using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using HetaoSite.Core.Model;
using MemoryPack;
using Microsoft.Win32.SafeHandles;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The article memo on disk: packs in <c>&lt;root&gt;/articles/</c>, one file per build that stored something
/// (<c>{guid}.pack</c>), rather than one file per entry: creating thousands of files was most of what the memo cost a
/// cold build, and a rebuild reads its entries through one open file.
/// </summary>
/// <remarks>
/// <para>A pack is its entries one after another, each the checksum of its body and the body (the key and the result,
/// serialized by <see cref="StoredValues"/>: records by all their public members, serializers generated at compile
/// time), then its index (each entry's key, offset and length, checksummed the same way), then the index's length. No
/// list of fields is kept by hand: a field added to a record is stored with it, and since the engine version is part of
/// every key, entries made by another build of the engine are never read.</para>
/// <para>A cache can only make a build faster, never different or failing: a pack whose index cannot be read is no
/// entries (and is deleted), and an entry that cannot be read, whose checksum does not match, that does not deserialize
/// or that was stored under another key is a miss; a failed write is ignored. Safe to share between threads and between
/// processes (a build and <c>serve</c>): a build writes its entries to a temporary file of its own and renames it into
/// place in <see cref="Save"/>, so another build sees a whole pack or none, and deletes only packs it read, which a
/// reader that has one open can still read.</para>
/// <para>It lives in <c>Writing/</c> because only <c>Loading/</c> and <c>Writing/</c> may touch the disk.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "Save closes the files; a pack a build never saved is a temporary file, deleted by a later build once its process has ended")]
public sealed class DiskArticleCache : IArticleCache
{
    private const string Extension = ".pack";
    private const string EntriesFolder = "articles";

    // Each build that stores something adds a pack; past this many, the smaller ones are merged into the new one.
    private const int MaxPacks = 8;

    // Each thread serializes its entries into one buffer it keeps, rather than into a new array per entry.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _entryBuffer;

    private readonly ConcurrentDictionary<string, byte> _touched = new(StringComparer.Ordinal);
    private readonly Lock _writing = new();
    private readonly List<PackEntry> _written = [];
    private Lazy<List<Pack>> _packs;
    private FileStream? _pack;
    private int _hits;
    private int _misses;
    private int _writes;

    /// <param name="root">The cache folder, e.g. <c>.hetao-cache/</c> beside <c>site-config.yml</c>; created on first save.</param>
    public DiskArticleCache(string root)
    {
        Root = Path.GetFullPath(root);
        EntriesRoot = Path.Combine(Root, EntriesFolder);
        _packs = new(Load);
    }

    public string Root { get; }

    private string EntriesRoot { get; }

    public int Hits => _hits;

    public int Misses => _misses;

    public int Writes => _writes;

    public bool TryGet(string key, out StageResult<ArticleExtraction?>? result)
    {
        _touched.TryAdd(key, 0);
        // A key can be in more than one pack (two builds stored it at once, or its entry was damaged and stored again).
        result = null;
        foreach (var pack in _packs.Value)
        {
            if (pack.Entries.TryGetValue(key, out var entry) && TryRead(pack, entry, key) is { } read)
            {
                result = read;
                break;
            }
        }

        Interlocked.Increment(ref result is null ? ref _misses : ref _hits);
        return result is not null;
    }

    /// <summary>Appends the entry to this build's pack, which <see cref="Save"/> puts in place.</summary>
    public void Put(string key, StageResult<ArticleExtraction?> result)
    {
        _touched.TryAdd(key, 0);
        var body = _entryBuffer ??= new ArrayBufferWriter<byte>();
        body.ResetWrittenCount();
        StoredValues.Serialize(body, new MemoEntry(key, result.Value, result.Diagnostics));
        lock (_writing)
        {
            if (Append(key, body.WrittenSpan))
            {
                _writes++;
            }
        }
    }

    /// <summary>
    /// Puts this build's pack in place, merging into it the entries of the other packs but the largest when there are
    /// more than <see cref="MaxPacks"/>; once the packs hold more than twice <paramref name="articleCount"/> entries,
    /// all of them are merged and the entries this instance neither read nor wrote are dropped (keeping some lets
    /// switching back and forth between two versions of an article or of the config stay fast). Deletes the packs
    /// merged, packs that cannot be read, temporary files of writers that have ended, and anything else in the cache
    /// folder, which only ever holds <c>articles/</c>, the page store's <c>pages/</c> and the fragment store's <c>fragments/</c>.
    /// </summary>
    /// <returns>The number of entries dropped.</returns>
    public int Save(int articleCount)
    {
        var packs = _packs.Value;
        lock (_writing)
        {
            var kept = _written.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            var prune = packs.SelectMany(p => p.Entries.Keys).Union(kept).Count() > 2 * articleCount;
            var largest = packs.MaxBy(p => p.Entries.Count);
            var merged = packs.Where(p => prune || (packs.Count >= MaxPacks && p != largest)).ToList();
            foreach (var (pack, entry) in merged.SelectMany(p => p.Entries.Values.Select(e => (p, e))))
            {
                if ((!prune || _touched.ContainsKey(entry.Key)) && !kept.Contains(entry.Key) && CopyEntry(pack, entry))
                {
                    kept.Add(entry.Key);
                }
            }

            var dropped = merged.SelectMany(p => p.Entries.Keys).Distinct().Count(k => !kept.Contains(k));

            var saved = Finish();
            packs.ForEach(p => p.File.Dispose());
            DeleteStale(saved ? merged.Concat(packs.Where(p => p.Entries.Count == 0)) : []);
            _packs = new(Load);
            return dropped;
        }
    }

    private bool CopyEntry(Pack pack, PackEntry entry)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(entry.Length);
        try
        {
            // Checked before it is copied: a new checksum would make a damaged entry look whole.
            return RandomAccess.Read(pack.File, bytes.AsSpan(0, entry.Length), entry.Offset) == entry.Length
                && StoredValues.Body(bytes.AsMemory(0, entry.Length)) is { } body && Append(entry.Key, body.Span);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Writes an entry to this build's temporary pack (created on first use); false once writing it failed.</summary>
    private bool Append(string key, ReadOnlySpan<byte> body)
    {
        try
        {
            if (_pack is null)
            {
                Directory.CreateDirectory(EntriesRoot);
                var path = Path.Combine(EntriesRoot, $"{Guid.NewGuid():N}{Extension}.{Environment.ProcessId}{StoredValues.TemporarySuffix}");
                _pack = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
            }

            var offset = _pack.Position;
            _written.Add(new PackEntry(key, offset, StoredValues.WriteChecked(_pack, body)));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Abandon();
            return false;
        }
    }

    /// <summary>Writes the index after the entries and renames the pack into place; true when there was none to write.</summary>
    private bool Finish()
    {
        if (_pack is not { } pack)
        {
            return true;
        }

        var temporary = pack.Name;
        try
        {
            Span<byte> length = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(length, StoredValues.WriteChecked(pack, StoredValues.Serialize(new PackIndex(_written))));
            pack.Write(length);
            pack.Dispose();
            File.Move(temporary, temporary[..temporary.LastIndexOf(Extension, StringComparison.Ordinal)] + Extension);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Abandon();
            return false;
        }
        finally
        {
            _pack = null;
            _written.Clear();
        }
    }

    private void Abandon()
    {
        if (_pack is { } pack)
        {
            pack.Dispose();
            StoredValues.TryDelete(pack.Name);
        }

        _pack = null;
        _written.Clear();
    }

    private void DeleteStale(IEnumerable<Pack> packs)
    {
        foreach (var pack in packs)
        {
            StoredValues.TryDelete(pack.Path);
        }

        if (!Directory.Exists(Root))
        {
            return;
        }

        var others = Directory.EnumerateFileSystemEntries(Root).Where(e => Path.GetFileName(e) is not (EntriesFolder or DiskPageStore.Folder or DiskFragmentStore.Folder));
        var folder = Directory.Exists(EntriesRoot) ? Directory.EnumerateFileSystemEntries(EntriesRoot) : [];
        foreach (var entry in others.Concat(folder.Where(e => !e.EndsWith(Extension, StringComparison.Ordinal) && (!e.EndsWith(StoredValues.TemporarySuffix, StringComparison.Ordinal) || IsOrphan(e)))).ToList())
        {
            StoredValues.TryDelete(entry);
        }
    }

    private List<Pack> Load()
    {
        var packs = new List<Pack>();
        foreach (var path in Directory.Exists(EntriesRoot) ? Directory.EnumerateFiles(EntriesRoot, "*" + Extension) : [])
        {
            try
            {
                var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                packs.Add(new Pack(path, file, ReadIndex(file)?.DistinctBy(e => e.Key).ToDictionary(e => e.Key, StringComparer.Ordinal) ?? []));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Deleted by another build since it was listed, or unreadable: no entries.
            }
        }

        return packs;
    }

    /// <summary>The index at the end of a pack, or null when it is not one this build can read.</summary>
    private static List<PackEntry>? ReadIndex(SafeFileHandle file)
    {
        var size = RandomAccess.GetLength(file);
        Span<byte> tail = stackalloc byte[sizeof(int)];
        if (size < tail.Length || RandomAccess.Read(file, tail, size - tail.Length) != tail.Length)
        {
            return null;
        }

        var start = size - tail.Length - BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (start < 0 || start >= size - tail.Length)
        {
            return null;
        }

        var bytes = new byte[size - tail.Length - start];
        return RandomAccess.Read(file, bytes, start) == bytes.Length && StoredValues.Body(bytes) is { } body
            && StoredValues.TryDeserialize<PackIndex>(body.Span)?.Entries is { } index
            && index.All(e => e is { Key: not null, Offset: >= 0, Length: > StoredValues.ChecksumLength } && e.Offset + e.Length <= start)
            ? index
            : null;
    }

    private static StageResult<ArticleExtraction?>? TryRead(Pack pack, PackEntry entry, string key)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(entry.Length);
        try
        {
            return RandomAccess.Read(pack.File, bytes.AsSpan(0, entry.Length), entry.Offset) == entry.Length
                && StoredValues.Body(bytes.AsMemory(0, entry.Length)) is { } body
                && StoredValues.TryDeserialize<MemoEntry>(body.Span) is { Key: var stored, Value: { } value, Diagnostics: { } diagnostics } && stored == key
                ? new StageResult<ArticleExtraction?>(value, diagnostics)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>A temporary file (<c>….{pid}.tmp</c>) whose writer process has ended.</summary>
    private static bool IsOrphan(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var owner = name[(name.LastIndexOf('.') + 1)..].Split('-')[0];
        if (!int.TryParse(owner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>A pack this instance read: its open file and its index (none when it cannot be read).</summary>
    private sealed record Pack(string Path, SafeFileHandle File, Dictionary<string, PackEntry> Entries);
}

/// <summary>
/// What one entry of the memo holds: an article's processing result, its value and diagnostics kept as fields of their
/// own (a generic record such as <see cref="StageResult{T}"/> has no serializer the ahead-of-time compiler can build).
/// </summary>
[MemoryPackable]
internal sealed partial record MemoEntry(string Key, ArticleExtraction? Value, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The index at the end of a pack: where each of its entries is.</summary>
[MemoryPackable]
internal sealed partial record PackIndex(List<PackEntry> Entries);

/// <summary>Where a pack holds the entry of <see cref="Key"/>: its checksum and body, <see cref="Length"/> bytes from <see cref="Offset"/>.</summary>
[MemoryPackable]
internal sealed partial record PackEntry(string Key, long Offset, int Length);
