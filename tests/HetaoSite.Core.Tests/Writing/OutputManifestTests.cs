using System.Text;
using HetaoSite.Core.Model;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

public sealed class OutputManifestTests : IDisposable
{
    private const string Fingerprint = "aaaa000000000000000000000000000000000000000000000000000000000001";
    private const string OtherFingerprint = "bbbb000000000000000000000000000000000000000000000000000000000002";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-manifest-test-" + Guid.NewGuid().ToString("N")[..12]);

    private string Output => Path.Combine(_root, "_site");

    private string ManifestPath => OutputManifest.PathFor(Path.Combine(_root, ".hetao-cache"), Output);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_page_the_output_still_holds_is_left_alone_without_reading_its_bytes()
    {
        var first = Write(Page("index.html", Fingerprint, "首頁"), Page("articles/a/index.html", Fingerprint, "甲"));
        var reads = 0;
        var again = new[]
        {
            OutputFile.Cached("index.html", Fingerprint, () => { reads++; return Encoding.UTF8.GetBytes("首頁"); }),
            OutputFile.Cached("articles/a/index.html", Fingerprint, () => { reads++; return Encoding.UTF8.GetBytes("甲"); }),
        };

        var summary = SiteWriter.Write(again, Output, first);

        Assert.True(reads == 0, $"expected no page read, {reads} were");
        Assert.Equal((0, 2, 0), (summary.Written, summary.Unchanged, summary.Removed));
        Assert.Equal(2, summary.Manifest!.Count);
    }

    [Fact]
    public void A_page_edited_by_hand_is_compared_and_restored()
    {
        var first = Write(Page("index.html", Fingerprint, "首頁"));
        var path = Path.Combine(Output, "index.html");
        File.WriteAllText(path, "改過");
        File.SetLastWriteTimeUtc(path, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var summary = SiteWriter.Write([OutputFile.Cached("index.html", Fingerprint, () => Encoding.UTF8.GetBytes("首頁"))], Output, first);

        Assert.Equal(1, summary.Written);
        Assert.Equal("首頁", File.ReadAllText(path));
    }

    [Fact]
    public void A_page_with_a_new_fingerprint_is_compared_even_if_the_file_is_untouched()
    {
        var first = Write(Page("index.html", Fingerprint, "首頁"));

        var summary = SiteWriter.Write([Page("index.html", OtherFingerprint, "新首頁")], Output, first);

        Assert.Equal(1, summary.Written);
        Assert.Equal("新首頁", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal(OtherFingerprint, summary.Manifest!.Find("index.html")!.Fingerprint);
    }

    [Fact]
    public void Files_without_a_page_fingerprint_are_recorded_by_a_hash_of_their_bytes()
    {
        var first = SiteWriter.Write([new OutputFile("data/events.json", Encoding.UTF8.GetBytes("{\"a\":1}"))], Output, OutputManifest.Empty(Output)).Manifest!;

        var same = SiteWriter.Write([new OutputFile("data/events.json", Encoding.UTF8.GetBytes("{\"a\":1}"))], Output, first);
        var changed = SiteWriter.Write([new OutputFile("data/events.json", Encoding.UTF8.GetBytes("{\"a\":2}"))], Output, same.Manifest);

        Assert.StartsWith("sha256:", first.Find("data/events.json")!.Fingerprint, StringComparison.Ordinal);
        Assert.Equal((0, 1), (same.Written, same.Unchanged));
        Assert.Equal((1, 0), (changed.Written, changed.Unchanged));
        Assert.Equal("{\"a\":2}", File.ReadAllText(Path.Combine(Output, "data", "events.json")));
    }

    [Fact]
    public void A_saved_manifest_loads_back_equal()
    {
        var written = Write(Page("index.html", Fingerprint, "首頁"), Page("articles/a/index.html", OtherFingerprint, "甲"));

        Assert.True(written.TrySave(ManifestPath), "expected the manifest to be saved");
        var loaded = OutputManifest.Load(ManifestPath, Output);

        Assert.Equal(written.Find("index.html"), loaded.Find("index.html"));
        Assert.Equal(written.Find("articles/a/index.html"), loaded.Find("articles/a/index.html"));
        Assert.Equal(2, loaded.Count);
    }

    public static TheoryData<string> Damaged() => [
        "", "hetao-output-manifest 0\n", "hetao-output-manifest 1\n/elsewhere\nindex.html\tx\t1\t2\n",
        "hetao-output-manifest 1\n{output}\nindex.html\tx\tnot-a-number\t2\n", "hetao-output-manifest 1\n{output}\nindex.html\tx\n",
    ];

    [Theory]
    [MemberData(nameof(Damaged))]
    public void A_damaged_or_foreign_manifest_is_an_empty_one(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ManifestPath)!);
        File.WriteAllText(ManifestPath, text.Replace("{output}", Path.GetFullPath(Output), StringComparison.Ordinal));

        var loaded = OutputManifest.Load(ManifestPath, Output);

        Assert.Equal(0, loaded.Count);
    }

    [Fact]
    public void A_manifest_of_another_output_folder_is_not_used()
    {
        var first = Write(Page("index.html", Fingerprint, "首頁"));
        var elsewhere = Path.Combine(_root, "other");
        SiteWriter.Write([Page("index.html", Fingerprint, "別處")], elsewhere);

        var summary = SiteWriter.Write([OutputFile.Cached("index.html", Fingerprint, () => Encoding.UTF8.GetBytes("首頁"))], elsewhere, first);

        Assert.Equal(1, summary.Written);
        Assert.Equal("首頁", File.ReadAllText(Path.Combine(elsewhere, "index.html")));
    }

    private OutputManifest Write(params OutputFile[] files) => SiteWriter.Write(files, Output, OutputManifest.Empty(Output)).Manifest!;

    private static OutputFile Page(string path, string fingerprint, string text) =>
        new OutputFile(path, Encoding.UTF8.GetBytes(text)).WithFingerprint(fingerprint);
}
