using System.Text;
using HetaoSite.Core.Model;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

public sealed class SiteWriterTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-writer-test-" + Guid.NewGuid().ToString("N")[..12]);

    private string Output => Path.Combine(_root, "_site");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void First_write_writes_every_file()
    {
        var summary = SiteWriter.Write(Site(("index.html", "首頁"), ("articles/a/index.html", "甲"), ("data/events.json", "{}")), Output);

        Assert.Equal((3, 0, 0), (summary.Written, summary.Unchanged, summary.Removed));
        Assert.Equal("甲", File.ReadAllText(Path.Combine(Output, "articles", "a", "index.html")));
        Assert.Equal(Encoding.UTF8.GetByteCount("首頁甲{}"), summary.BytesWritten);
    }

    [Fact]
    public void Rewriting_the_same_site_rewrites_nothing()
    {
        var site = Site(("index.html", "首頁"), ("articles/a/index.html", "甲"));
        SiteWriter.Write(site, Output);
        MarkAllOld();

        var summary = SiteWriter.Write(site, Output);

        Assert.Equal((0, 2, 0), (summary.Written, summary.Unchanged, summary.Removed));
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.GetLastWriteTimeUtc(file) == LongAgo, $"expected {file} not to be rewritten, but its time is {File.GetLastWriteTimeUtc(file):O}");
        }
    }

    [Fact]
    public void Only_changed_files_are_written_and_removed_ones_disappear()
    {
        SiteWriter.Write(Site(("index.html", "首頁"), ("articles/a/index.html", "甲"), ("articles/b/index.html", "乙")), Output);
        MarkAllOld();

        // Same length, different bytes: the size check alone must not decide.
        var summary = SiteWriter.Write(Site(("index.html", "首頁"), ("articles/a/index.html", "丙"), ("articles/c/index.html", "丁")), Output);

        Assert.Equal((2, 1, 1), (summary.Written, summary.Unchanged, summary.Removed));
        Assert.Equal("丙", File.ReadAllText(Path.Combine(Output, "articles", "a", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(Output, "articles", "b")), "expected the page of the removed article to be gone");
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(Output, "index.html")));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(Output, "articles", "a", "index.html")));
    }

    [Fact]
    public void Files_added_by_hand_to_the_output_are_removed()
    {
        SiteWriter.Write(Site(("index.html", "首頁")), Output);
        File.WriteAllText(Path.Combine(Output, "stray.html"), "x");

        var summary = SiteWriter.Write(Site(("index.html", "首頁")), Output);

        Assert.Equal(1, summary.Removed);
        Assert.Equal(["index.html"], Directory.EnumerateFiles(Output).Select(Path.GetFileName));
    }

    [Fact]
    public void Files_added_by_hand_deep_in_the_output_are_removed_hidden_ones_too()
    {
        var site = Site(("index.html", "首頁"), ("articles/a/index.html", "甲"), ("zh-hans/articles/a/index.html", "甲"));
        SiteWriter.Write(site, Output);
        Directory.CreateDirectory(Path.Combine(Output, "zh-hans", "articles", "a", "deeper", "still"));
        File.WriteAllText(Path.Combine(Output, "zh-hans", "articles", "a", "deeper", "still", ".hidden"), "x");
        File.WriteAllText(Path.Combine(Output, "articles", "a", "stray.html"), "x");
        Directory.CreateDirectory(Path.Combine(Output, "empty", "folder"));

        var summary = SiteWriter.Write(site, Output);

        Assert.Equal(2, summary.Removed);
        Assert.Equal(["articles/a/index.html", "index.html", "zh-hans/articles/a/index.html"],
            Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Files_under_a_folder_are_all_found_level_by_level()
    {
        foreach (var path in new[] { "a.txt", ".nojekyll", "x/b.txt", "x/y/z/c.txt", "x/y/.d", "w/e.txt" })
        {
            var full = Path.Combine(_root, "tree", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, path);
        }

        Directory.CreateDirectory(Path.Combine(_root, "tree", "empty", "folder"));
        var tree = Path.Combine(_root, "tree");

        Assert.Equal(
            Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal),
            SiteWriter.FilesUnder(tree).Order(StringComparer.Ordinal));
        Assert.Equal(6, SiteWriter.FilesUnder(tree).Count);
    }

    [Fact]
    public void A_symbolic_link_in_the_old_output_is_replaced_by_a_real_file()
    {
        var secret = Path.Combine(_root, "secret.txt");
        Directory.CreateDirectory(_root);
        File.WriteAllText(secret, "首頁");
        SiteWriter.Write(Site(("other.html", "x")), Output);
        File.CreateSymbolicLink(Path.Combine(Output, "index.html"), secret);

        var summary = SiteWriter.Write(Site(("index.html", "首頁")), Output);

        Assert.Equal(1, summary.Written);
        Assert.Null(new FileInfo(Path.Combine(Output, "index.html")).LinkTarget);
    }

    public static TheoryData<string> BadPaths() => ["../escape.html", "/etc/passwd", "a/../../escape.html", "", "same.html", "index.html/x"];

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void A_failed_write_leaves_the_old_site_as_it_was(string badPath)
    {
        SiteWriter.Write(Site(("index.html", "舊"), ("same.html", "舊")), Output);
        var files = Site(("index.html", "新"), ("same.html", "新"), (badPath, "壞"));

        Assert.Throws<InvalidOperationException>(() => SiteWriter.Write(files, Output));

        Assert.Equal("舊", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(_root, "escape.html")), "expected nothing written outside the output folder");
    }

    [Fact]
    public void A_failure_while_writing_the_first_site_leaves_no_staging_folder()
    {
        var tooLong = new OutputFile(string.Concat(Enumerable.Repeat("河套", 50)) + ".html", [1]);
        var files = Enumerable.Range(0, 50).Select(i => new OutputFile($"p{i}.html", [1])).Append(tooLong).ToArray();

        // A 300-byte file name passes every path check and fails only when written, after other files were placed.
        var thrown = Record.Exception(() => SiteWriter.Write(files, Output));

        Assert.True(thrown is IOException, $"expected an IOException the CLI reports in one line, got {thrown?.GetType().Name ?? "nothing"}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void A_failure_while_updating_leaves_the_old_site_exactly_as_it_was()
    {
        SiteWriter.Write(Site(("index.html", "舊"), ("articles/a/index.html", "甲")), Output);
        var before = Snapshot();
        var tooLong = new OutputFile("articles/new/" + string.Concat(Enumerable.Repeat("河套", 50)) + ".html", [1]);
        var files = Site(("index.html", "新"), ("articles/b/index.html", "乙")).Append(tooLong).ToArray();

        var thrown = Record.Exception(() => SiteWriter.Write(files, Output));

        Assert.True(thrown is IOException, $"expected an IOException, got {thrown?.GetType().Name ?? "nothing"}");
        Assert.Equal(before, Snapshot());
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void An_interrupted_commit_is_finished_by_the_next_write()
    {
        SiteWriter.Write(Site(("index.html", "舊"), ("gone/index.html", "x")), Output);
        File.WriteAllText(Path.Combine(Output, ".hetao-index.html.1.tmp"), "新");
        File.WriteAllText(Path.Combine(_root, "._site.commit"), "R\t.hetao-index.html.1.tmp\tindex.html\nD\tgone/index.html\n");

        var summary = SiteWriter.Write(Site(("index.html", "新")), Output);

        Assert.Equal((0, 1, 0), (summary.Written, summary.Unchanged, summary.Removed));
        Assert.Equal(["index.html"], Snapshot().Keys);
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_replacing_a_folder_of_the_old_site_is_written()
    {
        SiteWriter.Write(Site(("page/index.html", "x"), ("index.html", "首頁")), Output);

        var summary = SiteWriter.Write(Site(("page", "y"), ("index.html", "首頁")), Output);

        Assert.Equal("y", File.ReadAllText(Path.Combine(Output, "page")));
        Assert.Equal(1, summary.Removed);
    }

    [Fact]
    public void A_folder_replacing_a_file_of_the_old_site_is_written_with_the_unchanged_and_changed_files()
    {
        SiteWriter.Write(Site(("page", "x"), ("index.html", "首頁"), ("a/b.html", "乙")), Output);

        // index.html is kept (a reused page, no bytes): the swap copies it from the old folder.
        var summary = SiteWriter.Write([.. Site(("a/b.html", "丙"), ("page/index.html", "y")), OutputFile.Kept("index.html")], Output);

        Assert.Equal(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["a"] = "<dir>", ["a/b.html"] = "丙", ["index.html"] = "首頁", ["page"] = "<dir>", ["page/index.html"] = "y",
        }, Snapshot());
        Assert.Equal((3, 1), (summary.Written, summary.Removed));
        Assert.Equal(Encoding.UTF8.GetByteCount("丙首頁y"), summary.BytesWritten);
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_kept_file_is_neither_rewritten_nor_removed_in_an_update_or_a_swap()
    {
        SiteWriter.Write(Site(("page/index.html", "x"), ("articles/a/index.html", "甲")), Output);
        MarkAllOld();

        var update = SiteWriter.Write([OutputFile.Kept("articles/a/index.html"), .. Site(("page/index.html", "z"))], Output);

        Assert.Equal((1, 1, 0), (update.Written, update.Unchanged, update.Removed));
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(Output, "articles", "a", "index.html")));

        // A file where a folder was makes the writer build a new folder and swap it in: the kept file is copied over.
        SiteWriter.Write([OutputFile.Kept("articles/a/index.html"), .. Site(("page", "y"))], Output);

        Assert.Equal("甲", File.ReadAllText(Path.Combine(Output, "articles", "a", "index.html")));
        Assert.Equal("y", File.ReadAllText(Path.Combine(Output, "page")));
    }

    [Fact]
    public void Folders_left_empty_by_removed_pages_are_removed()
    {
        SiteWriter.Write(Site(("articles/a/index.html", "甲"), ("articles/b/index.html", "乙")), Output);

        SiteWriter.Write(Site(("articles/a/index.html", "甲")), Output);

        Assert.Equal(["a"], Directory.EnumerateDirectories(Path.Combine(Output, "articles")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_temporary_file_left_by_an_interrupted_build_is_replaced_whole()
    {
        SiteWriter.Write(Site(("index.html", "首頁"), ("articles/a/index.html", "甲")), Output);
        var page = Path.Combine(Output, "articles", "a", "index.html");
        File.WriteAllText(SiteWriter.TemporaryFor(page), "a leftover far longer than the page that replaces it");

        var summary = SiteWriter.Write(Site(("index.html", "首頁"), ("articles/a/index.html", "丙")), Output);

        Assert.Equal(1, summary.Written);
        Assert.Equal("丙", File.ReadAllText(page));
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(page)!).Select(Path.GetFileName));
    }

    [Fact]
    public void An_update_with_hundreds_of_changes_and_removals_lands_every_one()
    {
        // Enough files that the commit renames and deletes on several threads.
        var before = Enumerable.Range(0, 600).Select(i => ($"years/{i % 9}/page/{i}/index.html", $"舊{i}")).ToArray();
        SiteWriter.Write(Site(before), Output);
        var after = Enumerable.Range(0, 450).Select(i => ($"years/{i % 9}/page/{i}/index.html", i % 3 == 0 ? $"舊{i}" : $"新{i}")).ToArray();

        var summary = SiteWriter.Write(Site(after), Output);

        Assert.Equal((300, 150, 150), (summary.Written, summary.Unchanged, summary.Removed));
        var expected = new SortedDictionary<string, string>(after.ToDictionary(f => f.Item1.Replace('/', Path.DirectorySeparatorChar), f => f.Item2), StringComparer.Ordinal);
        var actual = new SortedDictionary<string, string>(Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f), File.ReadAllText), StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Work_on_waiting_threads_runs_every_index_once_and_throws_the_first_failure()
    {
        var runs = new int[1000];
        SiteWriter.OnWaitingThreads(runs.Length, i => Interlocked.Increment(ref runs[i]));
        Assert.True(runs.All(r => r == 1), $"expected every index to run once, but these ran another number of times: {string.Join(", ", runs.Select((r, i) => (r, i)).Where(x => x.r != 1).Select(x => $"{x.i}×{x.r}"))}");

        var failure = Assert.Throws<IOException>(() => SiteWriter.OnWaitingThreads(1000, i =>
        {
            if (i == 500)
            {
                throw new IOException("disk full at 500");
            }
        }));
        Assert.Equal("disk full at 500", failure.Message);
    }

    private static OutputFile[] Site(params (string Path, string Text)[] files) =>
        files.Select(f => new OutputFile(f.Path, Encoding.UTF8.GetBytes(f.Text))).ToArray();

    private SortedDictionary<string, string> Snapshot() => new(
        Directory.EnumerateFileSystemEntries(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f), f => File.Exists(f) ? File.ReadAllText(f) : "<dir>"),
        StringComparer.Ordinal);

    private void MarkAllOld()
    {
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, LongAgo);
        }
    }
}
