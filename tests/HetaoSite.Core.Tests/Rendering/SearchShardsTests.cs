using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class SearchShardsTests
{
    private static readonly string[] Sample = ["河套", "合作", "作区", "5g", "科技", "创新", "深港", "园区", "规划", "发布", "𠀋a"];

    [Fact]
    public void The_hash_is_32_bit_fnv1a_over_utf16_code_units_as_search_js_computes_it()
    {
        // Reference values of FNV-1a 32: "" is the offset basis, "a" a published test vector; "河套" as search.js gives it.
        Assert.Equal(0x811c9dc5u, SearchShards.Hash(""));
        Assert.Equal(0xe40c292cu, SearchShards.Hash("a"));
        Assert.Equal(Fnv("河套"), SearchShards.Hash("河套"));
    }

    [Fact]
    public void Shard_assignment_is_deterministic_and_puts_every_bigram_in_exactly_one_shard()
    {
        foreach (var shards in new[] { 1, 2, 7, 64 })
        {
            var assigned = SearchShards.Assign(Sample, shards);
            Assert.Equal(shards, assigned.Length);
            Assert.Equal(Enumerable.Range(0, Sample.Length), assigned.SelectMany(a => a).Order());
            for (var s = 0; s < shards; s++)
            {
                Assert.All(assigned[s], b => Assert.Equal(s, SearchShards.ShardOf(Sample[b], shards)));
            }

            Assert.Equal(assigned.Select(a => a.ToList()), SearchShards.Assign(Sample, shards).Select(a => a.ToList()));
        }
    }

    [Fact]
    public void A_query_needs_exactly_the_union_of_its_bigrams_shards_whichever_script_it_is_typed_in()
    {
        var fold = SearchFold.Build(["河套合作區發展規劃", "河套合作区发展规划"], new FakeScriptConverter());
        foreach (var query in new[] { "河套合作區發展規劃", "河套合作区发展规划", "合作 區", "河" })
        {
            var expected = SearchIndex.Bigrams(fold.Fold(query)).Select(b => SearchShards.ShardOf(b, 16)).ToHashSet();
            Assert.Equal(expected.Order(), SearchShards.ShardsFor(query, fold, 16).Order());
        }

        Assert.Equal(SearchShards.ShardsFor("合作區發展規劃", fold, 16).Order(), SearchShards.ShardsFor("合作区发展规划", fold, 16).Order());
        Assert.Empty(SearchShards.ShardsFor("河", fold, 16));
    }

    [Fact]
    public void The_shard_count_grows_with_the_postings_within_bounds()
    {
        Assert.Equal(1, SearchShards.ShardCount(0));
        Assert.Equal(1, SearchShards.ShardCount(SearchShards.TargetShardBytes));
        Assert.Equal(2, SearchShards.ShardCount(SearchShards.TargetShardBytes + 1));
        Assert.Equal(SearchShards.MaxShards, SearchShards.ShardCount(long.MaxValue / 2));
    }

    [Fact]
    public void Chunks_hold_between_the_fewest_and_the_most_docs_and_a_doc_is_in_the_chunk_that_starts_at_or_before_it()
    {
        var starts = SearchShards.ChunkStarts(10_000, i => "e/event-" + i);

        Assert.Equal(0, starts[0]);
        Assert.Equal(10_000, starts[^1]);
        var sizes = starts.Zip(starts.Skip(1), (a, b) => b - a).ToList();
        Assert.All(sizes.SkipLast(1), size => Assert.InRange(size, SearchShards.MinDocsPerChunk, SearchShards.MaxDocsPerChunk));
        Assert.InRange(sizes.Average(), 48, 80);
        for (var c = 0; c < starts.Length - 1; c++)
        {
            Assert.Equal(c, SearchShards.FragmentOf(starts[c], starts));
            Assert.Equal(c, SearchShards.FragmentOf(starts[c + 1] - 1, starts));
        }
    }

    [Fact]
    public void A_doc_added_in_the_middle_changes_only_the_chunks_around_it()
    {
        var keys = Enumerable.Range(0, 5_000).Select(i => "s/article-" + i + "#s1-" + (i % 7)).ToList();
        var before = Chunks(keys);
        keys.Insert(2_500, "e/new-event");
        var after = Chunks(keys);

        var changed = after.Except(before).Count();
        Assert.True(changed <= 2, $"expected at most 2 of {after.Count} chunks to change, but {changed} did");

        static List<string> Chunks(List<string> keys)
        {
            var starts = SearchShards.ChunkStarts(keys.Count, i => keys[i]);
            return [.. starts.Zip(starts.Skip(1), (a, b) => string.Join("|", keys.Skip(a).Take(b - a)))];
        }
    }

    [Fact]
    public void Files_are_named_with_their_content_hash_and_chunks_by_it_alone()
    {
        Assert.Equal("data/search/p-3-0a1b2c3d.json", SearchShards.PostingsPath(3, "0a1b2c3d"));
        Assert.Equal("data/search/zh-hans-0a1b2c3d4e5f.json", SearchShards.FragmentsPath("zh-Hans", "0a1b2c3d4e5f"));
        Assert.Matches("^[0-9a-f]{8}$", SearchShards.ContentHash("{}"u8));
        Assert.Matches("^[0-9a-f]{12}$", SearchShards.ChunkHash("[]"u8));
        Assert.NotEqual(SearchShards.ContentHash("[1]"u8), SearchShards.ContentHash("[2]"u8));
        Assert.NotEqual(SearchShards.ChunkHash("[1]"u8), SearchShards.ChunkHash("[2]"u8));
    }

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
