using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

public sealed class DiskPageCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-pagecache-test-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string Fingerprint(int i) => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_stored_page_is_found_and_read_back()
    {
        new DiskPageCache(_root).Put(Fingerprint(1), [1, 2, 3]);
        var cache = new DiskPageCache(_root);

        Assert.True(cache.TryFind(Fingerprint(1), out var read), "expected the stored page to be found");
        Assert.Equal([1, 2, 3], read!());
        Assert.False(cache.TryFind(Fingerprint(2), out _), "expected a page never stored not to be found");
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void A_page_deleted_after_it_was_found_reads_as_null()
    {
        var cache = new DiskPageCache(_root);
        cache.Put(Fingerprint(1), [1]);
        Assert.True(cache.TryFind(Fingerprint(1), out var read));

        Directory.Delete(cache.Root, recursive: true);

        Assert.Null(read!());
    }

    [Theory]
    [InlineData("../../escape")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public void A_fingerprint_that_is_not_lower_case_hex_sha256_never_becomes_a_path(string fingerprint)
    {
        var cache = new DiskPageCache(_root);
        cache.Put(fingerprint, [1]);

        Assert.False(cache.TryFind(fingerprint, out _));
        Assert.False(Directory.Exists(_root), "expected nothing written");
    }

    [Fact]
    public void Prune_deletes_unused_pages_only_once_the_cache_holds_more_than_twice_what_the_build_used()
    {
        var first = new DiskPageCache(_root);
        foreach (var i in Enumerable.Range(1, 5))
        {
            first.Put(Fingerprint(i), [1]);
        }

        Assert.Equal(0, first.Prune());
        var second = new DiskPageCache(_root);
        second.TryFind(Fingerprint(1), out _);
        second.Put(Fingerprint(6), [1]);

        var deleted = second.Prune();

        Assert.Equal(4, deleted);
        Assert.Equal([Fingerprint(1), Fingerprint(6)],
            Directory.EnumerateFiles(second.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Prune_skips_listing_the_cache_while_its_kept_count_shows_nothing_to_delete()
    {
        var first = new DiskPageCache(_root);
        first.Put(Fingerprint(1), [1]);
        first.Put(Fingerprint(2), [1]);
        first.Prune();
        // A file the count does not know about: only a listing would find it.
        var stray = Path.Combine(first.Root, "ff", Fingerprint(255));
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllBytes(stray, [1]);

        var second = new DiskPageCache(_root);
        second.TryFind(Fingerprint(1), out _);
        Assert.Equal(0, second.Prune());
        Assert.True(File.Exists(stray), "expected no listing while the count (2) is at most twice the pages used (1)");

        var third = new DiskPageCache(_root);
        third.Put(Fingerprint(3), [1]);
        Assert.Equal(3, third.Prune());
        Assert.False(File.Exists(stray), "expected a full prune, deleting the unused stray page, once count and writes (3) pass twice the pages used (1)");
    }
}
