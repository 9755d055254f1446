using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

public sealed class DiskFragmentStoreTests : IDisposable
{
    private const string BuildKey = "BUILD-A";
    private const string ReadsHash = "00112233445566778899AABBCCDDEEFF";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-fragments-test-" + Guid.NewGuid().ToString("N")[..12]);

    private string Cache => Path.Combine(_root, ".hetao-cache");

    private string Texts => Path.Combine(Cache, DiskFragmentStore.Folder, "texts.bin");

    private string Index => Path.Combine(Cache, DiskFragmentStore.Folder, "index.bin");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static FragmentRecord Card(int key, string text) => new(new UInt128(0, (ulong)key), ["t\u001fsources", "include"], ReadsHash, text);

    private int Save(string buildKey, params FragmentRecord[] records)
    {
        var store = new DiskFragmentStore(Cache);
        foreach (var record in records)
        {
            store.Add(buildKey, record);
        }

        return store.Save();
    }

    [Fact]
    public void A_fragment_saved_is_found_by_the_next_build_with_the_same_build_key()
    {
        Save(BuildKey, Card(1, "<li>二〇二一年，河套🚀</li>"), Card(2, "<li>second</li>"));

        var store = new DiskFragmentStore(Cache);
        var found = store.Find(BuildKey, new UInt128(0, 1));

        Assert.True(found is not null, "expected the fragment saved by the last build");
        Assert.Equal("<li>二〇二一年，河套🚀</li>", found.Text);
        Assert.Equal(ReadsHash, found.ReadsHash);
        Assert.Equal(["t\u001fsources", "include"], found.Reads);
        Assert.Equal(1, store.ReusedCount);
        Assert.Null(store.Find(BuildKey, new UInt128(0, 3)));
    }

    [Fact]
    public void A_build_with_another_build_key_finds_nothing_and_starts_the_store_anew()
    {
        Save(BuildKey, Card(1, "<li>old templates</li>"));

        var other = new DiskFragmentStore(Cache);
        Assert.Null(other.Find("BUILD-B", new UInt128(0, 1)));
        other.Add("BUILD-B", Card(2, "<li>new templates</li>"));
        Assert.Equal(1, other.Save());

        var next = new DiskFragmentStore(Cache);
        Assert.Null(next.Find(BuildKey, new UInt128(0, 1)));
        Assert.Equal("<li>new templates</li>", next.Find("BUILD-B", new UInt128(0, 2))?.Text);
        Assert.Equal("<li>new templates</li>".Length, new FileInfo(Texts).Length);
    }

    [Fact]
    public void A_fragment_whose_text_was_damaged_is_a_miss_and_the_others_are_still_found()
    {
        Save(BuildKey, Card(1, "<li>first</li>"), Card(2, "<li>second</li>"));
        var bytes = File.ReadAllBytes(Texts);
        bytes[2] ^= 0x20;
        File.WriteAllBytes(Texts, bytes);

        var store = new DiskFragmentStore(Cache);

        Assert.Null(store.Find(BuildKey, new UInt128(0, 1)));
        Assert.Equal("<li>second</li>", store.Find(BuildKey, new UInt128(0, 2))?.Text);
    }

    [Theory]
    [InlineData("index damaged")]
    [InlineData("texts cut short")]
    [InlineData("texts missing")]
    public void A_damaged_store_is_no_fragments(string damage)
    {
        Save(BuildKey, Card(1, "<li>first</li>"));
        switch (damage)
        {
            case "index damaged":
                var bytes = File.ReadAllBytes(Index);
                bytes[^1] ^= 0x5a;
                File.WriteAllBytes(Index, bytes);
                break;
            case "texts cut short":
                File.WriteAllBytes(Texts, File.ReadAllBytes(Texts)[..4]);
                break;
            default:
                File.Delete(Texts);
                break;
        }

        var store = new DiskFragmentStore(Cache);

        Assert.Null(store.Find(BuildKey, new UInt128(0, 1)));
        store.Add(BuildKey, Card(2, "<li>second</li>"));
        Assert.Equal(1, store.Save());
        Assert.Equal("<li>second</li>", new DiskFragmentStore(Cache).Find(BuildKey, new UInt128(0, 2))?.Text);
    }

    [Fact]
    public void A_build_that_neither_looks_up_nor_renders_a_fragment_leaves_the_store_as_it_is()
    {
        Save(BuildKey, Card(1, "<li>first</li>"));
        var index = File.ReadAllBytes(Index);

        Assert.Equal(0, new DiskFragmentStore(Cache).Save());

        Assert.Equal(index, File.ReadAllBytes(Index));
    }

    [Fact]
    public void A_fragment_not_looked_up_for_the_kept_number_of_builds_is_dropped_and_its_text_with_it()
    {
        var stale = new string('x', 10_000);
        Save(BuildKey, Card(1, "<li>looked up every build</li>"), Card(2, stale));
        var lastBuild = 1 + DiskFragmentStore.KeptBuilds;
        for (var build = 2; build <= lastBuild; build++)
        {
            // Looked up by a store that is not saved: that does not count as a build.
            Assert.True(new DiskFragmentStore(Cache).Find(BuildKey, new UInt128(0, 2)) is not null,
                $"expected fragment 2 (not looked up since build 1) still kept before build {build} saved");
            var store = new DiskFragmentStore(Cache);
            store.Find(BuildKey, new UInt128(0, 1));
            store.Add(BuildKey, Card(100 + build, $"<li>new in build {build}</li>"));
            store.Save();
        }

        var last = new DiskFragmentStore(Cache);
        Assert.Null(last.Find(BuildKey, new UInt128(0, 2)));
        Assert.Equal("<li>looked up every build</li>", last.Find(BuildKey, new UInt128(0, 1))?.Text);
        Assert.Equal($"<li>new in build 2</li>", last.Find(BuildKey, new UInt128(0, 102))?.Text);
        // The dropped text was most of the file, so the file was written anew without it.
        Assert.True(new FileInfo(Texts).Length < stale.Length, $"expected the texts file rewritten without the dropped fragment, it has {new FileInfo(Texts).Length} bytes");
    }
}
