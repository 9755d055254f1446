using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

public sealed class DiskPageStoreTests : IDisposable
{
    private static readonly PageRecord Record = new("zh-hans/index.html", "key", "page", ["site.title", "page.events"], "reads", 1234, "CONTENT");

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-pages-test-" + Guid.NewGuid().ToString("N")[..12]);

    private string Cache => Path.Combine(_root, ".hetao-cache");

    private string Output => Path.Combine(_root, "_site");

    private string StoreFile => Path.Combine(Cache, DiskPageStore.Folder, "pages.bin");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Saved_records_are_found_by_the_next_build_for_the_same_output()
    {
        Save();

        var found = new DiskPageStore(Cache, Output).Find(Record.OutputPath);

        Assert.NotNull(found);
        DeepEquality.AssertEqual(Record, found);
    }

    [Fact]
    public void Pages_that_read_the_same_paths_each_get_back_their_own_reads_in_order()
    {
        var year = Record with { OutputPath = "years/2020/index.html", Reads = ["page.events", "site.title", "t.more"] };
        var store = new DiskPageStore(Cache, Output);
        store.Rendered(Record);
        store.Rendered(year);
        store.Save();

        var next = new DiskPageStore(Cache, Output);

        DeepEquality.AssertEqual(Record, next.Find(Record.OutputPath));
        DeepEquality.AssertEqual(year, next.Find(year.OutputPath));
    }

    [Fact]
    public void Records_that_read_the_same_paths_share_one_list_in_the_file_and_when_read_back()
    {
        // Two objects holding the same paths, as a page rendered by this build and one kept from the last can have.
        var store = new DiskPageStore(Cache, Output);
        store.Rendered(Record with { OutputPath = "a/index.html", Reads = ["site.title", "t.more"] });
        store.Rendered(Record with { OutputPath = "b/index.html", Reads = ["site.title", "t.more"] });
        store.Rendered(Record with { OutputPath = "c/index.html", Reads = ["site.title"] });
        store.Save();

        var stored = StoredValues.TryDeserialize<StoredPages>(StoredValues.Body(File.ReadAllBytes(StoreFile))!.Value.Span);
        Assert.Equal(2, stored?.Lists.Count);
        var next = new DiskPageStore(Cache, Output);
        Assert.Same(next.Find("a/index.html")?.Reads, next.Find("b/index.html")?.Reads);
        Assert.Equal(["site.title"], next.Find("c/index.html")?.Reads);
    }

    [Fact]
    public void A_list_naming_a_path_the_file_does_not_hold_is_no_records()
    {
        var page = new StoredPage(Record with { Reads = [] }, 0);
        Assert.True(StoredValues.TryWrite(StoreFile, StoredValues.Serialize(new StoredPages(BuildContext.EngineVersion, Path.GetFullPath(Output), ["site.title", "page.events"], [[0, 2]], [page]))));

        Assert.Null(new DiskPageStore(Cache, Output).Find(Record.OutputPath));
    }

    [Fact]
    public void A_record_naming_a_list_the_file_does_not_hold_is_not_found_and_the_others_are()
    {
        var known = new StoredPage(Record with { OutputPath = "years/2020/index.html", Reads = [] }, 0);
        var unknown = new StoredPage(Record with { Reads = [] }, 1);
        Assert.True(StoredValues.TryWrite(StoreFile, StoredValues.Serialize(new StoredPages(BuildContext.EngineVersion, Path.GetFullPath(Output), ["site.title"], [[0]], [known, unknown]))));

        var store = new DiskPageStore(Cache, Output);
        Assert.Null(store.Find(Record.OutputPath));
        Assert.Equal(["site.title"], store.Find("years/2020/index.html")?.Reads);
    }

    [Fact]
    public void Records_for_another_output_folder_are_no_records()
    {
        Save();

        Assert.Null(new DiskPageStore(Cache, Path.Combine(_root, "elsewhere")).Find(Record.OutputPath));
    }

    [Fact]
    public void Records_written_by_another_build_of_the_engine_are_no_records()
    {
        // The format has no field names: only the engine that wrote it may read it.
        var page = new StoredPage(Record with { Reads = [] }, 0);
        Assert.True(StoredValues.TryWrite(StoreFile, StoredValues.Serialize(new StoredPages("another engine", Path.GetFullPath(Output), [.. Record.Reads], [[.. Enumerable.Range(0, Record.Reads.Count)]], [page]))));

        Assert.Null(new DiskPageStore(Cache, Output).Find(Record.OutputPath));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("one byte changed")]
    [InlineData("empty")]
    public void A_damaged_file_is_no_records(string damage)
    {
        Save();
        var bytes = File.ReadAllBytes(StoreFile);
        File.WriteAllBytes(StoreFile, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "one byte changed" => [.. bytes[..^1], (byte)(bytes[^1] ^ 1)],
            _ => [],
        });

        Assert.Null(new DiskPageStore(Cache, Output).Find(Record.OutputPath));
    }

    private void Save()
    {
        var store = new DiskPageStore(Cache, Output);
        store.Rendered(Record);
        Assert.Equal(1, store.Save());
    }
}
