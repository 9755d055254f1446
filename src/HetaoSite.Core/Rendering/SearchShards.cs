using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// How the search index is split into files that a browser fetches only when a query needs them, and how they are
/// named. <c>static/js/search.js</c> follows the same rules: keep the two in step.
/// <list type="bullet">
/// <item>A bigram's postings are in shard <c>FNV-1a-32(UTF-16 code units of the folded bigram) mod shards</c>
/// (<see cref="ShardOf"/>); a query needs the shards of its bigrams, no others (<see cref="ShardsFor"/>).</item>
/// <item>A doc's fragment (headline, date, path, text) is in the chunk of the page's script whose docs include it; the
/// manifest lists how many docs each chunk holds (<see cref="ChunkStarts"/>), so only the chunks of the results shown
/// are fetched.</item>
/// <item>Every file is named with a hash of its content (<see cref="ContentHash"/>), listed in the manifest
/// <c>data/search-index.json</c>: a file's name changes when and only when its content does, so caches may keep it forever.
/// A chunk is named by its hash alone (<see cref="FragmentsPath"/>), not its place, so that a chunk that moves keeps its file.</item>
/// </list>
/// </summary>
public static class SearchShards
{
    /// <summary>About how many bytes of postings a shard holds: a query of a few characters fetches a few of them.</summary>
    public const int TargetShardBytes = 24 * 1024;

    /// <summary>The most shards, so that the manifest that lists them stays small at any size.</summary>
    public const int MaxShards = 2048;

    /// <summary>The fewest docs in a fragment chunk (but the last): with <see cref="ChunkEndOdds"/>, chunks of about 64 docs,
    /// enough that the chunk names keep the manifest small, few enough that a result costs little.</summary>
    public const int MinDocsPerChunk = 32;

    /// <summary>The most docs in a fragment chunk.</summary>
    public const int MaxDocsPerChunk = 128;

    /// <summary>Past <see cref="MinDocsPerChunk"/>, one doc in this many ends a chunk (<see cref="ChunkStarts"/>).</summary>
    public const int ChunkEndOdds = 32;

    /// <summary>Where the shards and chunks are, under the site root.</summary>
    public const string Folder = "data/search/";

    /// <summary>FNV-1a, 32 bits, over the UTF-16 code units of <paramref name="bigram"/>.</summary>
    public static uint Hash(ReadOnlySpan<char> bigram)
    {
        var hash = 2166136261u;
        foreach (var c in bigram)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    /// <summary>The shard holding the postings of <paramref name="bigram"/> (already lower-cased and folded).</summary>
    public static int ShardOf(ReadOnlySpan<char> bigram, int shards) => (int)(Hash(bigram) % (uint)shards);

    /// <summary>How many shards postings of about <paramref name="postingBytes"/> bytes are split into.</summary>
    public static int ShardCount(long postingBytes) => (int)Math.Clamp((postingBytes + TargetShardBytes - 1) / TargetShardBytes, 1, MaxShards);

    /// <summary>The shards a query needs: those of the bigrams of its folded text.</summary>
    public static IReadOnlySet<int> ShardsFor(string query, SearchFold fold, int shards) =>
        SearchIndex.Bigrams(fold.Fold(query)).Select(b => ShardOf(b, shards)).ToHashSet();

    /// <summary>
    /// Where each fragment chunk starts, then the number of docs (so chunk <c>c</c> is docs <c>[starts[c], starts[c + 1])</c>),
    /// from each doc's key (<paramref name="keys"/>: its kind and what it is the doc of, never its place). A chunk ends
    /// after a doc whose key hashes to 0 mod <see cref="ChunkEndOdds"/> once it holds <see cref="MinDocsPerChunk"/> docs,
    /// and at <see cref="MaxDocsPerChunk"/> docs at the latest. The ends are chosen by the docs themselves, not by their
    /// places, so a doc added or removed changes the chunk it is in (and the next, when it moves an end), not every chunk
    /// after it: a rebuild writes a few chunk files, and the ones a reader's browser keeps stay valid.
    /// </summary>
    public static int[] ChunkStarts(int docs, Func<int, string> keys)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < docs; i++)
        {
            var size = i + 1 - starts[^1];
            var end = size >= MaxDocsPerChunk
                || (size >= MinDocsPerChunk && XxHash32.HashToUInt32(MemoryMarshal.AsBytes(keys(i).AsSpan())) % ChunkEndOdds == 0);
            if (end && i + 1 < docs)
            {
                starts.Add(i + 1);
            }
        }

        starts.Add(docs);
        return [.. starts];
    }

    /// <summary>The fragment chunk of doc <paramref name="doc"/>, given <see cref="ChunkStarts"/>.</summary>
    public static int FragmentOf(int doc, int[] starts)
    {
        var found = Array.BinarySearch(starts, 0, starts.Length - 1, doc);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The first 8 hex digits of the SHA-256 of <paramref name="content"/>: enough to tell versions of one file apart.</summary>
    public static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 4));

    /// <summary>
    /// The first 12 hex digits of the SHA-256 of a chunk: a chunk's name is its hash alone, so among the thousands of chunks
    /// of a large site two different ones must not share it (with 48 bits, the odds are about one in ten million).
    /// </summary>
    public static string ChunkHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 6));

    /// <summary><c>data/search/p-3-1a2b3c4d.json</c>: shard 3's postings.</summary>
    public static string PostingsPath(int shard, string hash) => $"{Folder}p-{shard}-{hash}.json";

    /// <summary><c>data/search/zh-hant-1a2b3c4d5e6f.json</c>: the Traditional fragments of the chunk with that <see cref="ChunkHash"/>.</summary>
    public static string FragmentsPath(string lang, string hash) => $"{Folder}{lang.ToLowerInvariant()}-{hash}.json";

    /// <summary>The bigrams of a shard, from the postings of all of them: each bigram in exactly one shard.</summary>
    public static List<int>[] Assign(IReadOnlyList<string> bigrams, int shards)
    {
        var assigned = Enumerable.Range(0, shards).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < bigrams.Count; i++)
        {
            assigned[ShardOf(bigrams[i], shards)].Add(i);
        }

        return assigned;
    }
}
