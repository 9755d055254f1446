using System.Text;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Loading;

public sealed class SourceIndexTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-source-index-test-" + Guid.NewGuid().ToString("N")[..12]);

    public SourceIndexTests() => Directory.CreateDirectory(Seeds);

    private string Seeds => Path.Combine(_root, "seeds");

    private string IndexPath => SourceIndex.PathFor(Path.Combine(_root, ".hetao-cache"), Seeds);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void WriteSeed(string name, string text, DateTime? written = null)
    {
        var path = Path.Combine(Seeds, name);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, written ?? LongAgo);
    }

    private IReadOnlyList<SourceFile> Read(SourceIndex? index = null) => SiteSourceReader.ReadArticles(Seeds, [], index);

    /// <summary>Reads the seeds, records them as examined at <paramref name="examinedAt"/>, saves and loads the index back.</summary>
    private SourceIndex Recorded(DateTime examinedAt)
    {
        Assert.True(SourceIndex.Of(Seeds, examinedAt, Read()).TrySave(IndexPath), "expected the index to be saved");
        return SourceIndex.Load(IndexPath, Seeds);
    }

    // The files were just created, so their creation times are "now": the index is dated an hour later, as if the
    // build that recorded it had run then.
    private static DateTime AnHourFromNow => DateTime.UtcNow.AddHours(1);

    [Fact]
    public void An_unchanged_file_is_known_by_its_recorded_hash_without_being_read()
    {
        WriteSeed("a.txt", "2019年3月5日，開園。");
        WriteSeed("b.txt", "2020年8月，動工。");
        var index = Recorded(AnHourFromNow);

        var again = Read(index);

        Assert.Equal(2, index.Count);
        Assert.All(again, file => Assert.False(file.IsRead, $"expected {file.FileName} to be taken from the index, not read"));
        Assert.Equal(Read().Select(f => f.ContentHash), again.Select(f => f.ContentHash));
        Assert.Equal("2019年3月5日，開園。", Encoding.UTF8.GetString(again[0].Bytes));
    }

    public static TheoryData<string> Changes => ["content and time", "size", "time only"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_file_whose_size_or_time_changed_is_read_again(string change)
    {
        WriteSeed("a.txt", "2019年3月5日，開園。");
        var index = Recorded(AnHourFromNow);
        switch (change)
        {
            case "content and time":
                WriteSeed("a.txt", "2019年3月6日，開園。", LongAgo.AddMinutes(1));
                break;
            case "size":
                WriteSeed("a.txt", "2019年3月5日，開園了。");
                break;
            default:
                File.SetLastWriteTimeUtc(Path.Combine(Seeds, "a.txt"), LongAgo.AddTicks(1));
                break;
        }

        var file = Assert.Single(Read(index));

        Assert.True(file.IsRead, $"expected a.txt to be read again after a change of {change}");
        Assert.Equal(SourceFile.HashOf(File.ReadAllBytes(Path.Combine(Seeds, "a.txt"))), file.ContentHash);
    }

    [Fact]
    public void A_file_written_just_before_it_was_recorded_is_read_again_since_a_second_write_in_the_same_tick_would_not_show()
    {
        WriteSeed("a.txt", "2019年3月5日，開園。", DateTime.UtcNow);
        var index = Recorded(DateTime.UtcNow);

        Assert.True(Assert.Single(Read(index)).IsRead, "expected a file written less than the settle time before the index to be read");
    }

    [Fact]
    public void A_file_that_changed_behind_an_unchanged_stamp_fails_with_HS0008_when_its_bytes_are_needed_instead_of_being_cached_under_its_old_hash()
    {
        WriteSeed("a.txt", "2019年3月5日，開園。");
        var index = Recorded(AnHourFromNow);
        WriteSeed("a.txt", "2019年3月6日，開園。"); // same size, and the time set back: the stamp cannot tell
        var file = Assert.Single(Read(index));
        var cache = new HetaoSite.Core.Writing.DiskArticleCache(Path.Combine(_root, ".hetao-cache"));

        var result = ArticleProcessor.ProcessAll([file], SiteConfig.Default, new BuildContext(null, null, cache));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(error is { Code: "HS0008", File: "a.txt" }, $"expected HS0008 naming a.txt, got {error}");
        Assert.Empty(result.Value);
        Assert.Equal(0, cache.Writes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hetao-source-index 1\n/elsewhere\n0\n")]
    [InlineData("hetao-source-index 1\n{seeds}\nnot a number\n")]
    [InlineData("hetao-source-index 1\n{seeds}\n700000000000000000\nABC\t1\t2\t3\ta.txt\n")]
    [InlineData("hetao-source-index 1\n{seeds}\n700000000000000000\n{hash}\t-1\t2\t3\ta.txt\n")]
    [InlineData("hetao-source-index 2\n{seeds}\n700000000000000000\n")]
    public void A_damaged_or_foreign_index_is_an_empty_one(string text)
    {
        WriteSeed("a.txt", "2019年3月5日，開園。");
        Directory.CreateDirectory(Path.GetDirectoryName(IndexPath)!);
        File.WriteAllText(IndexPath, text.Replace("{seeds}", Path.GetFullPath(Seeds)).Replace("{hash}", new string('A', 64)));

        var index = SourceIndex.Load(IndexPath, Seeds);

        Assert.Equal(0, index.Count);
        Assert.True(Assert.Single(Read(index)).IsRead);
    }

    [Fact]
    public void A_missing_index_is_an_empty_one() =>
        Assert.Equal(0, SourceIndex.Load(IndexPath, Seeds).Count);
}
