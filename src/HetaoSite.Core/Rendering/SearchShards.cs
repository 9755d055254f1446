using System.Security.Cryptography;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// How the search index is split into files that a browser fetches only when a query needs them, and how they are
/// named. <c>static/js/search.js</c> follows the same rules: keep the two in step.
/// <list type="bullet">
/// <item>A bigram's postings are in shard <c>FNV-1a-32(UTF-16 code units of the folded bigram) mod shards</c>
/// (<see cref="ShardOf"/>); a query needs the shards of its bigrams, no others (<see cref="ShardsFor"/>).</item>
/// <item>Doc <c>i</c>'s fragment (headline, date, path, text) is in chunk <c>i / chunk</c> of the page's script
/// (<see cref="FragmentOf"/>), so only the chunks of the results shown are fetched.</item>
/// <item>Every file is named with a hash of its content (<see cref="ContentHash"/>), listed in the manifest
/// <c>data/search-index.json</c>: a file's name changes when and only when its content does, so caches may keep it forever.</item>
/// </list>
/// </summary>
public static class SearchShards
{
    /// <summary>About how many bytes of postings a shard holds: a query of a few characters fetches a few of them.</summary>
    public const int TargetShardBytes = 24 * 1024;

    /// <summary>The most shards, so that the manifest that lists them stays small at any size.</summary>
    public const int MaxShards = 2048;

    /// <summary>Docs per fragment chunk: enough that the chunk names keep the manifest small, few enough that a result costs little.</summary>
    public const int DocsPerChunk = 64;

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

    /// <summary>The fragment chunk of doc <paramref name="doc"/>.</summary>
    public static int FragmentOf(int doc) => doc / DocsPerChunk;

    public static int ChunkCount(int docs) => (docs + DocsPerChunk - 1) / DocsPerChunk;

    /// <summary>The first 8 hex digits of the SHA-256 of <paramref name="content"/>: enough to tell versions of one file apart.</summary>
    public static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 4));

    /// <summary><c>data/search/p-3-1a2b3c4d.json</c>: shard 3's postings.</summary>
    public static string PostingsPath(int shard, string hash) => $"{Folder}p-{shard}-{hash}.json";

    /// <summary><c>data/search/zh-hant-12-1a2b3c4d.json</c>: chunk 12 of the Traditional fragments.</summary>
    public static string FragmentsPath(string lang, int chunk, string hash) => $"{Folder}{lang.ToLowerInvariant()}-{chunk}-{hash}.json";

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
