using System.Text;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Writing;
using MemoryPack;

namespace HetaoSite.Core.Tests.Writing;

public sealed class DiskArticleCacheTests : IDisposable
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-cache-test-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Round_trip_keeps_every_field()
    {
        var stored = SampleExtraction.Create();
        new DiskArticleCache(_root).Put(Key, stored);

        var found = new DiskArticleCache(_root).TryGet(Key, out var read);

        Assert.True(found, "expected a hit for the key just stored");
        AssertSame(stored, read!);
    }

    [Fact]
    public void Every_constructor_parameter_of_every_stored_record_round_trips()
    {
        // Filled by reflection: a member added to any record later is set here too, and must come back with no list to update.
        var stored = Filled(new RecordFiller());
        new DiskArticleCache(_root).Put(Key, stored);

        Assert.True(new DiskArticleCache(_root).TryGet(Key, out var read), "expected a hit for the key just stored");
        AssertSame(stored, read!);
    }

    [Fact]
    public void Every_stored_record_stores_its_constructor_parameters_and_ignores_its_computed_properties()
    {
        // The round trips above cover the constructor parameters; a public property beyond them is computed from them, and
        // storing it would only make entries larger (and for a record struct, run its code on every write).
        var stored = typeof(StageResult<>).Assembly.GetTypes().Where(t => t.IsDefined(typeof(MemoryPackableAttribute), inherit: false)).ToList();
        var computed = stored.SelectMany(type =>
        {
            var parameters = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!.GetParameters()
                .Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .Where(p => !parameters.Contains(p.Name) && !p.IsDefined(typeof(MemoryPackIgnoreAttribute), inherit: false))
                .Select(p => $"{type.Name}.{p.Name}");
        }).ToList();

        Assert.Contains(typeof(ArticleExtraction), stored);
        Assert.True(computed.Count == 0, $"expected every public property that is not a constructor parameter to be [MemoryPackIgnore], found: {string.Join(", ", computed)}");
    }

    [Fact]
    public void Every_nullable_member_round_trips_as_null()
    {
        var stored = Filled(new RecordFiller(nulls: true));
        new DiskArticleCache(_root).Put(Key, stored);

        Assert.True(new DiskArticleCache(_root).TryGet(Key, out var read), "expected a hit for the key just stored");
        AssertSame(stored, read!);
    }

    [Fact]
    public void Strings_round_trip_exactly_even_when_not_valid_unicode()
    {
        var sample = SampleExtraction.Create().Value!;
        string[] odd = ["\ud800", "a\udc00b", "\0", string.Empty, new string('河', 70_000), "𠀀𪚥", "𠀀"[..1]];
        new DiskArticleCache(_root).Put(Key, new StageResult<ArticleExtraction?>(sample with { Article = sample.Article with { Tags = odd, Title = "標題" + "𠀀"[..1] } }, []));

        Assert.True(new DiskArticleCache(_root).TryGet(Key, out var read), "expected a hit for the key just stored");
        Assert.Equal(odd, read!.Value!.Article.Tags);
        Assert.Equal("標題" + "𠀀"[..1], read.Value.Article.Title);
    }

    [Fact]
    public void Entries_are_sharded_by_the_first_two_characters_of_the_key()
    {
        new DiskArticleCache(_root).Put(Key, SampleExtraction.Create());

        Assert.True(File.Exists(Path.Combine(_root, "articles", "01", Key + ".bin")),
            $"expected articles/01/{Key}.bin, found: {string.Join(", ", Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))}");
    }

    public static TheoryData<string> Damage() => ["empty", "text", "JSON of the former format", "truncated", "one byte changed", "one byte more"];

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_entry_is_a_miss_and_is_overwritten(string damage)
    {
        var cache = new DiskArticleCache(_root);
        cache.Put(Key, SampleExtraction.Create());
        var path = Path.Combine(_root, "articles", "01", Key + ".bin");
        var entry = File.ReadAllBytes(path);
        byte[] content = damage switch
        {
            "empty" => [],
            "text" => "not an entry at all"u8.ToArray(),
            "JSON of the former format" => Encoding.UTF8.GetBytes($"{{\"Format\":1,\"Key\":\"{Key}\",\"Result\":{{\"Diagnostics\":[]}}}}"),
            "truncated" => entry[..(entry.Length / 2)],
            "one byte changed" => [.. entry[..^1], (byte)(entry[^1] ^ 1)],
            _ => [.. entry, 0],
        };
        File.WriteAllBytes(path, content);

        var found = cache.TryGet(Key, out var read);
        Assert.False(found, $"expected a miss for a {damage} entry, got {read}");
        Assert.Equal(1, cache.Misses);

        cache.Put(Key, SampleExtraction.Create());
        Assert.True(new DiskArticleCache(_root).TryGet(Key, out _), "expected the rewritten entry to be read back");
    }

    [Fact]
    public void An_entry_stored_under_another_key_is_a_miss()
    {
        const string other = "ffffffffffffffffffffffffffffffff";
        var cache = new DiskArticleCache(_root);
        cache.Put(Key, SampleExtraction.Create());
        Directory.CreateDirectory(Path.Combine(_root, "articles", "ff"));
        File.Copy(Path.Combine(_root, "articles", "01", Key + ".bin"), Path.Combine(_root, "articles", "ff", other + ".bin"));

        Assert.False(cache.TryGet(other, out _), "expected a file holding another key's entry to be ignored");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789")]
    [InlineData("01")]
    public void A_key_that_is_not_lower_case_hex_never_becomes_a_path(string key)
    {
        var cache = new DiskArticleCache(_root);
        cache.Put(key, SampleExtraction.Create());

        Assert.False(Directory.Exists(_root), "expected nothing written for an invalid key");
        Assert.False(cache.TryGet(key, out _), "expected a miss for an invalid key");
    }

    [Fact]
    public void No_temporary_files_are_left_after_parallel_writes_and_reads()
    {
        var cache = new DiskArticleCache(_root);
        var expected = SampleExtraction.Create();
        var failures = 0;
        Parallel.For(0, 200, i =>
        {
            if (i % 2 == 0)
            {
                cache.Put(Key, expected);
            }
            else if (cache.TryGet(Key, out var read) && read!.Value!.Article.Title != expected.Value!.Article.Title)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        var files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Equal([Key + ".bin"], files);
    }

    [Fact]
    public void Prune_keeps_everything_until_the_cache_holds_more_than_twice_the_articles()
    {
        var keys = Enumerable.Range(0, 5).Select(i => $"{i:x2}{Key[2..]}").ToList();
        var writer = new DiskArticleCache(_root);
        keys.ForEach(k => writer.Put(k, SampleExtraction.Create()));

        var build = new DiskArticleCache(_root);
        Assert.True(build.TryGet(keys[0], out _));

        Assert.Equal(0, build.Prune(articleCount: 3));
        Assert.Equal(4, build.Prune(articleCount: 2));
        var left = Directory.EnumerateFiles(_root, "*.bin", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal([keys[0]], left);
    }

    [Fact]
    public void Prune_deletes_entries_of_the_former_json_format_and_keeps_current_ones()
    {
        var cache = new DiskArticleCache(_root);
        cache.Put(Key, SampleExtraction.Create());
        var legacy = Path.Combine(_root, "articles", "01", Key + ".json");
        File.WriteAllText(legacy, $"{{\"Format\":1,\"Key\":\"{Key}\"}}");

        Assert.Equal(1, cache.Prune(articleCount: 1));

        Assert.False(File.Exists(legacy), "expected the .json entry of the former format to be deleted");
        Assert.True(cache.TryGet(Key, out _), "expected the current entry to be kept and read");
    }

    [Fact]
    public void Prune_removes_temporary_files_of_ended_processes_only()
    {
        var cache = new DiskArticleCache(_root);
        cache.Put(Key, SampleExtraction.Create());
        var folder = Path.Combine(_root, "articles", "01");
        var orphan = Path.Combine(folder, $"{Key}.bin.999999999-1-x.tmp");
        var ours = Path.Combine(folder, $"{Key}.bin.{Environment.ProcessId}-1-x.tmp");
        File.WriteAllText(orphan, "{");
        File.WriteAllText(ours, "{");

        cache.Prune(articleCount: 1);

        Assert.False(File.Exists(orphan), "expected the temporary file of a process that no longer runs to be deleted");
        Assert.True(File.Exists(ours), "expected a temporary file of a running process to be kept");
    }

    [Fact]
    public void Processing_twice_hits_the_cache_and_returns_the_same_result()
    {
        var config = ConfigWithDate("a.txt");
        var files = new[] { new SourceFile("a.txt", Encoding.UTF8.GetBytes("河套\n2019年3月5日，開園。\n")) };

        var first = new DiskArticleCache(_root);
        var cold = ArticleProcessor.ProcessAll(files, config, new BuildContext(null, null, first));
        var second = new DiskArticleCache(_root);
        var warm = ArticleProcessor.ProcessAll(files, config, new BuildContext(null, null, second));

        Assert.Equal((0, 1, 1), (first.Hits, first.Misses, first.Writes));
        Assert.Equal((1, 0, 0), (second.Hits, second.Misses, second.Writes));
        AssertSame(new StageResult<ArticleExtraction?>(cold.Value.Single(), []), new StageResult<ArticleExtraction?>(warm.Value.Single(), []));
    }

    public static TheoryData<string> Changes() => ["content", "categories", "window", "override", "limits", "file name", "site", "editorial"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Cache_key_changes_with_anything_that_can_change_the_result(string change)
    {
        var file = new SourceFile("a.txt", Encoding.UTF8.GetBytes("2019年3月5日，開園。"));
        var config = ConfigWithDate("a.txt");
        var (changedFile, changedConfig) = change switch
        {
            "content" => (new SourceFile("a.txt", Encoding.UTF8.GetBytes("2019年3月6日，開園。")), config),
            "categories" => (file, config with { Categories = [.. config.Categories.Select((c, i) => i == 0 ? c with { Keywords = [.. c.Keywords, "新詞"] } : c)] }),
            "window" => (file, config with { Window = new TimelineWindow(2018, 2025) }),
            "override" => (file, ConfigWithDate("a.txt", new PartialDate(2020, 1, 2))),
            "limits" => (file, config with { Limits = config.Limits with { MaxDatesPerArticle = 3 } }),
            "site" => (file, config with { Site = config.Site with { Title = "另一個標題" } }),
            "editorial" => (file, config with { Editorial = config.Editorial with { Keep = ["a-2019-03-05"] } }),
            _ => (new SourceFile("b.txt", file.Bytes), ConfigWithDate("b.txt")),
        };

        var before = ArticleProcessor.CacheKey(file, config, ArticleProcessor.ConfigFingerprint(config));
        var after = ArticleProcessor.CacheKey(changedFile, changedConfig, ArticleProcessor.ConfigFingerprint(changedConfig));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Cache_key_changes_with_the_engine_version_and_not_with_other_articles_overrides()
    {
        var file = new SourceFile("a.txt", Encoding.UTF8.GetBytes("2019年3月5日，開園。"));
        var config = ConfigWithDate("a.txt");
        var fingerprint = ArticleProcessor.ConfigFingerprint(config);
        var other = config with
        {
            Articles = new Dictionary<string, ArticleOverride>(config.Articles, StringComparer.Ordinal)
            {
                ["b.txt"] = new(new PartialDate(2021, 1, 2), null, null, null, [], 9),
            },
        };

        Assert.NotEqual(ArticleProcessor.CacheKey(file, config, fingerprint, "1.0.0"), ArticleProcessor.CacheKey(file, config, fingerprint, "1.0.1"));
        Assert.Equal(ArticleProcessor.CacheKey(file, config, fingerprint), ArticleProcessor.CacheKey(file, other, ArticleProcessor.ConfigFingerprint(other)));
    }

    [Fact]
    public async Task Concurrent_builds_sharing_the_folder_neither_corrupt_it_nor_differ_from_an_uncached_build()
    {
        var files = Enumerable.Range(0, 24).Select(i => new SourceFile($"{i:d2}.txt",
            Encoding.UTF8.GetBytes($"河套\n{2018 + i % 7}年{1 + i % 12}月{1 + i % 27}日，第{i}項目開工。\n"))).ToArray();
        var config = SiteConfig.Default with
        {
            Articles = files.ToDictionary(f => f.FileName, f => new ArticleOverride(new PartialDate(2025, 1, 1), null, null, null, [], 1), StringComparer.Ordinal),
        };
        var uncached = ArticleProcessor.ProcessAll(files, config, new BuildContext(null, null));

        var builds = Enumerable.Range(0, 4).Select(_ => Task.Run(() => ArticleProcessor.ProcessAll(files, config, new BuildContext(null, null, new DiskArticleCache(_root))))).ToArray();
        var results = await Task.WhenAll(builds);
        var after = new DiskArticleCache(_root);
        var warm = ArticleProcessor.ProcessAll(files, config, new BuildContext(null, null, after));

        Assert.All(results.Append(warm), build => DeepEquality.AssertEqual(uncached.Value, build.Value));
        Assert.Equal((files.Length, 0), (after.Hits, after.Misses));
        Assert.Equal(files.Length, Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_changed_article_misses_and_an_unchanged_one_hits()
    {
        var config = ConfigWithDate("a.txt") with
        {
            Articles = new Dictionary<string, ArticleOverride>(StringComparer.Ordinal)
            {
                ["a.txt"] = new(new PartialDate(2021, 1, 1), null, null, null, [], 1),
                ["b.txt"] = new(new PartialDate(2021, 1, 2), null, null, null, [], 2),
            },
        };
        SourceFile[] files = [new("a.txt", Encoding.UTF8.GetBytes("甲")), new("b.txt", Encoding.UTF8.GetBytes("乙"))];
        ArticleProcessor.ProcessAll(files, config, new BuildContext(null, null, new DiskArticleCache(_root)));

        var cache = new DiskArticleCache(_root);
        var result = ArticleProcessor.ProcessAll([files[0], new SourceFile("b.txt", Encoding.UTF8.GetBytes("丙"))], config, new BuildContext(null, null, cache));

        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
        Assert.Equal("丙", result.Value.Single(a => a.Article.FileName == "b.txt").Article.Blocks.Single().Text);
    }

    private static SiteConfig ConfigWithDate(string fileName, PartialDate? date = null) => SiteConfig.Default with
    {
        Articles = new Dictionary<string, ArticleOverride>(StringComparer.Ordinal)
        {
            [fileName] = new(date ?? new PartialDate(2022, 9, 13), null, null, null, [], 1),
        },
    };

    private static StageResult<ArticleExtraction?> Filled(RecordFiller filler) =>
        new(filler.Create<ArticleExtraction>(), [filler.Create<Diagnostic>(), filler.Create<Diagnostic>()]);

    private static void AssertSame(StageResult<ArticleExtraction?> expected, StageResult<ArticleExtraction?> actual) =>
        DeepEquality.AssertEqual(expected, actual);
}
