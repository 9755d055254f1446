using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using MemoryPack;
using Microsoft.Win32.SafeHandles;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The fragments of cached partials, in <c>&lt;root&gt;/fragments/</c>: <c>texts.bin</c>, their texts (UTF-8) one
/// after another, to which each build appends the ones it rendered; and <c>index.bin</c>, where each one is, with the
/// hash of its bytes and what it read (checksummed and renamed into place, as the page store's file). A rebuild reads
/// only the texts of the fragments it looks up, through one open file.
/// </summary>
/// <remarks>
/// <para>Everything in the store was rendered with one build key (engine, templates, configuration…): a build with
/// another key finds nothing and starts the store anew. A fragment no build has looked up or rendered for
/// <see cref="KeptBuilds"/> builds is dropped (a card of an event that changed is never looked up again); once the
/// texts file holds more bytes of dropped fragments than of kept ones, it is written anew with the kept ones.</para>
/// <para>A store can only make a build faster: a missing or damaged index is no fragments, a text whose bytes do not
/// have the recorded hash is a miss, and a failed write only costs the next build speed.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Save closes the texts file")]
public sealed class DiskFragmentStore : IFragmentStore
{
    /// <summary>The store's folder under the cache folder.</summary>
    public const string Folder = "fragments";

    /// <summary>How many builds that use fragments a fragment is kept without being looked up.</summary>
    public const int KeptBuilds = 16;

    private const string IndexName = "index.bin";
    private const string TextsName = "texts.bin";

    private readonly string _folder;
    private readonly Lazy<Previous> _previous;
    private readonly ConcurrentDictionary<UInt128, FragmentRecord> _rendered = new();
    private readonly ConcurrentDictionary<UInt128, byte> _found = new();
    private string? _buildKey;

    /// <param name="root">The cache folder (<c>.hetao-cache/</c>).</param>
    public DiskFragmentStore(string root)
    {
        _folder = Path.Combine(Path.GetFullPath(root), Folder);
        _previous = new(Load);
    }

    public int RenderedCount => _rendered.Count;

    /// <summary>Fragments found in the store and not rendered again (a fragment whose reads changed is found, then rendered).</summary>
    public int ReusedCount => _found.Keys.Count(key => !_rendered.ContainsKey(key));

    public FragmentRecord? Find(string buildKey, UInt128 key)
    {
        _buildKey ??= buildKey;
        var previous = _previous.Value;
        if (previous.BuildKey != buildKey || previous.Texts is not { } texts || !previous.Entries.TryGetValue(key, out var index))
        {
            return null;
        }

        var entry = previous.Stored.Fragments[index];
        var bytes = ArrayPool<byte>.Shared.Rent(entry.Length);
        try
        {
            var span = bytes.AsSpan(0, entry.Length);
            if (RandomAccess.Read(texts, span, entry.Offset) != entry.Length || XxHash3.HashToUInt64(span) != entry.Check)
            {
                return null;
            }

            _found.TryAdd(key, 0);
            return new FragmentRecord(key, previous.Lists[entry.List], entry.ReadsHash.ToString("X32", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(span));
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

    public void Add(string buildKey, FragmentRecord record)
    {
        _buildKey ??= buildKey;
        _rendered[record.Key] = record;
    }

    /// <summary>
    /// Appends the texts of this build's fragments and writes the index: the fragments of this build, and those of
    /// earlier builds under the same build key looked up within <see cref="KeptBuilds"/> builds. A build that neither
    /// looked up nor rendered a fragment leaves the store as it is.
    /// </summary>
    /// <returns>The number of fragments kept.</returns>
    public int Save()
    {
        if (_buildKey is not { } buildKey)
        {
            return 0;
        }

        var previous = _previous.Value;
        var same = previous.BuildKey == buildKey && previous.Texts is not null;
        var build = same ? previous.Stored.Build + 1 : 1;
        var kept = new List<StoredFragment>();
        foreach (var entry in same ? previous.Stored.Fragments : [])
        {
            var seen = _found.ContainsKey(entry.Key) ? build : entry.Seen;
            if (!_rendered.ContainsKey(entry.Key) && build - seen < KeptBuilds)
            {
                kept.Add(entry with { Seen = seen });
            }
        }

        var keptBytes = kept.Sum(e => (long)e.Length);
        var textsPath = Path.Combine(_folder, TextsName);
        var temporary = $"{textsPath}.{Environment.ProcessId}-{Guid.NewGuid():N}{StoredValues.TemporarySuffix}";
        // The texts are appended to the file the index describes, unless it holds more bytes of dropped fragments than
        // of kept ones: then the kept ones are copied to a new file.
        var rewrite = !same || previous.Stored.TextsLength - keptBytes > keptBytes;
        var numbers = new PathNumbers();
        try
        {
            Directory.CreateDirectory(_folder);
            using (var file = rewrite
                ? new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16)
                : new FileStream(textsPath, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16))
            {
                if (rewrite)
                {
                    kept = Copy(previous.Texts, kept, file);
                }
                else
                {
                    // Whatever a build that failed to save appended after the indexed texts is cut off.
                    file.SetLength(previous.Stored.TextsLength);
                    file.Position = previous.Stored.TextsLength;
                }

                kept = [.. kept.Select(e => e with { List = numbers.ListOf(previous.Lists[e.List]) })];
                var buffer = new byte[64 * 1024];
                foreach (var record in _rendered.Values.OrderBy(r => r.Key))
                {
                    if (buffer.Length < Encoding.UTF8.GetMaxByteCount(record.Text.Length))
                    {
                        buffer = new byte[Encoding.UTF8.GetMaxByteCount(record.Text.Length)];
                    }

                    var bytes = buffer.AsSpan(0, Encoding.UTF8.GetBytes(record.Text, buffer));
                    kept.Add(new StoredFragment(record.Key, file.Position, bytes.Length, XxHash3.HashToUInt64(bytes), numbers.ListOf(record.Reads),
                        UInt128.Parse(record.ReadsHash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), build));
                    file.Write(bytes);
                }
            }

            previous.Texts?.Dispose();
            if (rewrite)
            {
                File.Move(temporary, textsPath, overwrite: true);
            }

            var length = kept.Count == 0 ? 0 : kept.Max(e => e.Offset + e.Length);
            var index = new StoredFragments(BuildContext.EngineVersion, buildKey, build, length, numbers.Paths, numbers.Lists, [.. kept]);
            return StoredValues.TryWrite(Path.Combine(_folder, IndexName), StoredValues.Serialize(index)) ? kept.Count : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            StoredValues.TryDelete(temporary);
            return 0;
        }
    }

    /// <summary>Copies the texts of <paramref name="entries"/> from <paramref name="texts"/> to <paramref name="file"/>; returns them with their new offsets.</summary>
    private static List<StoredFragment> Copy(SafeFileHandle? texts, List<StoredFragment> entries, FileStream file)
    {
        var copied = new List<StoredFragment>(entries.Count);
        if (texts is null)
        {
            return copied;
        }

        var buffer = new byte[64 * 1024];
        foreach (var entry in entries.OrderBy(e => e.Offset))
        {
            if (buffer.Length < entry.Length)
            {
                buffer = new byte[entry.Length];
            }

            var bytes = buffer.AsSpan(0, entry.Length);
            if (RandomAccess.Read(texts, bytes, entry.Offset) == entry.Length && XxHash3.HashToUInt64(bytes) == entry.Check)
            {
                copied.Add(entry with { Offset = file.Position });
                file.Write(bytes);
            }
        }

        return copied;
    }

    /// <summary>The index and the open texts file, or no fragments when either is missing, damaged or another engine's.</summary>
    private Previous Load()
    {
        try
        {
            var indexPath = Path.Combine(_folder, IndexName);
            var textsPath = Path.Combine(_folder, TextsName);
            if (!File.Exists(indexPath) || !File.Exists(textsPath) || StoredValues.Body(File.ReadAllBytes(indexPath)) is not { } body
                || StoredValues.TryDeserialize<StoredFragments>(body.Span) is not { Paths: { } paths, Lists: { } lists, Fragments: { } fragments } stored
                || stored.Engine != BuildContext.EngineVersion || PathNumbers.Names(paths, lists) is not { } named)
            {
                return Previous.None;
            }

            var texts = File.OpenHandle(textsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (RandomAccess.GetLength(texts) < stored.TextsLength)
            {
                texts.Dispose();
                return Previous.None;
            }

            var entries = new Dictionary<UInt128, int>(fragments.Length);
            for (var i = 0; i < fragments.Length; i++)
            {
                if (fragments[i] is { Offset: >= 0, Length: >= 0, List: >= 0 } f && f.List < named.Length && f.Offset + f.Length <= stored.TextsLength)
                {
                    entries[f.Key] = i;
                }
            }

            return new Previous(stored, texts, entries, named);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Previous.None;
        }
    }

    /// <summary>What the last build that used fragments left: its index, the open texts file, and each fragment's place in the index.</summary>
    private sealed record Previous(StoredFragments Stored, SafeFileHandle? Texts, Dictionary<UInt128, int> Entries, IReadOnlyList<string>[] Lists)
    {
        public static Previous None => new(new StoredFragments(string.Empty, string.Empty, 0, 0, [], [], []), null, [], []);

        public string BuildKey => Stored.BuildKey;
    }
}

/// <summary>The fragment store's index: the build key its fragments were rendered with, every path they read, once, the lists of those paths, and the fragments.</summary>
[MemoryPackable]
internal sealed partial record StoredFragments(string Engine, string BuildKey, int Build, long TextsLength, List<string> Paths, List<int[]> Lists, StoredFragment[] Fragments);

/// <summary>
/// Where the texts file holds a fragment (<see cref="Length"/> bytes from <see cref="Offset"/>, whose XxHash3 is
/// <see cref="Check"/>), the number of the list of paths it read, the hash of what it found there, and the last build
/// (<see cref="StoredFragments.Build"/>) that looked it up or rendered it.
/// </summary>
internal readonly record struct StoredFragment(UInt128 Key, long Offset, int Length, ulong Check, int List, UInt128 ReadsHash, int Seen);
