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

    /// <summary>A cache as one build leaves it: <paramref name="store"/> run against it, then its index saved.</summary>
    private DiskPageCache Stored(Action<DiskPageCache> store)
    {
        var cache = new DiskPageCache(_root);
        store(cache);
        Assert.True(cache.TrySaveIndex(), "expected the index to be saved");
        return cache;
    }

    [Fact]
    public void A_stored_page_is_found_and_read_back_from_its_own_file()
    {
        Stored(c => c.Put(Fingerprint(1), [1, 2, 3]));
        var cache = new DiskPageCache(_root);

        Assert.True(cache.TryFind(Fingerprint(1), out var page), "expected the stored page to be found");
        Assert.Equal([1, 2, 3], page.Read());
        Assert.Equal([1, 2, 3], File.ReadAllBytes(page.File!));
        Assert.False(cache.TryFind(Fingerprint(2), out _), "expected a page never stored not to be found");
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void A_page_deleted_after_it_was_found_reads_as_null()
    {
        var cache = new DiskPageCache(_root);
        cache.Put(Fingerprint(1), [1]);
        Assert.True(cache.TryFind(Fingerprint(1), out var page));

        Directory.Delete(cache.Root, recursive: true);

        Assert.Null(page.Read());
    }

    [Fact]
    public void A_stored_page_without_a_record_in_the_index_is_a_miss()
    {
        new DiskPageCache(_root).Put(Fingerprint(1), [1]);

        var cache = new DiskPageCache(_root);

        Assert.False(cache.TryFind(Fingerprint(1), out _), "expected an entry the index does not vouch for (index never saved) to be a miss");
    }

    [Theory]
    [InlineData(new byte[] { 9, 9, 9 }, 0)]
    [InlineData(new byte[] { 9 }, 3600)]
    public void An_entry_changed_in_place_is_a_miss_and_stored_anew(byte[] edited, int secondsLater)
    {
        var stored = Stored(c => c.Put(Fingerprint(1), [1]));
        var file = Path.Combine(stored.Root, Fingerprint(1)[..2], Fingerprint(1));
        var writtenAt = File.GetLastWriteTimeUtc(file);
        // What editing an output file linked to the entry does: same file, new bytes.
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.Write(edited);
        }

        File.SetLastWriteTimeUtc(file, writtenAt.AddSeconds(secondsLater));

        var cache = new DiskPageCache(_root);
        Assert.False(cache.TryFind(Fingerprint(1), out _), $"expected an entry edited in place ({edited.Length} bytes, {secondsLater} s later) to be a miss");
        var page = cache.Put(Fingerprint(1), [1]);
        Assert.Equal([1], page!.Read());
        Assert.Equal([1], File.ReadAllBytes(file));
    }

    [Fact]
    public void An_entry_whose_time_lost_its_fraction_of_a_second_is_still_found()
    {
        var stored = Stored(c => c.Put(Fingerprint(1), [1, 2]));
        var file = Path.Combine(stored.Root, Fingerprint(1)[..2], Fingerprint(1));
        var time = File.GetLastWriteTimeUtc(file);
        // As an archive and restore (actions/cache, tar) may leave it: whole seconds.
        File.SetLastWriteTimeUtc(file, new DateTime(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));

        Assert.True(new DiskPageCache(_root).TryFind(Fingerprint(1), out _), "expected the entry to be found after its time was truncated to the second");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3 })]
    public void A_damaged_index_makes_every_entry_a_miss(byte[] index)
    {
        var stored = Stored(c => c.Put(Fingerprint(1), [1]));
        File.WriteAllBytes(stored.IndexPath, index);

        Assert.False(new DiskPageCache(_root).TryFind(Fingerprint(1), out _), "expected a miss with a damaged index");
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
        Stored(c =>
        {
            foreach (var i in Enumerable.Range(1, 5))
            {
                c.Put(Fingerprint(i), [1]);
            }

            Assert.Equal(0, c.Prune());
        });
        var second = new DiskPageCache(_root);
        second.TryFind(Fingerprint(1), out _);
        second.Put(Fingerprint(6), [1]);

        var deleted = second.Prune();

        Assert.Equal(4, deleted);
        Assert.Equal([Fingerprint(1), Fingerprint(6)],
            Directory.EnumerateFiles(second.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(second.TrySaveIndex());
        var third = new DiskPageCache(_root);
        Assert.True(third.TryFind(Fingerprint(1), out _) && third.TryFind(Fingerprint(6), out _), "expected the kept pages to stay usable");
        Assert.True(IndexRecords(second) == 2, $"expected the index to forget the deleted pages, got {IndexRecords(second)} records");
    }

    /// <summary>Records in the saved index: 32 bytes of fingerprint and two 8-byte numbers each, after a header line.</summary>
    private static long IndexRecords(DiskPageCache cache)
    {
        var bytes = File.ReadAllBytes(cache.IndexPath);
        return (bytes.Length - (Array.IndexOf(bytes, (byte)'\n') + 1)) / 48;
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
