using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        Store(Key, stored);

        var found = new DiskArticleCache(_root).TryGet(Key, out var read);

        Assert.True(found, "expected a hit for the key just stored");
        AssertSame(stored, read!);
    }

    [Fact]
    public void Every_constructor_parameter_of_every_stored_record_round_trips()
    {
        // Filled by reflection: a member added to any record later is set here too, and must come back with no list to update.
        var stored = Filled(new RecordFiller());
        Store(Key, stored);

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
        Store(Key, stored);

        Assert.True(new DiskArticleCache(_root).TryGet(Key, out var read), "expected a hit for the key just stored");
        AssertSame(stored, read!);
    }

    [Fact]
    public void Strings_round_trip_exactly_even_when_not_valid_unicode()
    {
        var sample = SampleExtraction.Create().Value!;
        string[] odd = ["\ud800", "a\udc00b", "\0", string.Empty, new string('河', 70_000), "𠀀𪚥", "𠀀"[..1]];
        Store(Key, new StageResult<ArticleExtraction?>(sample with { Article = sample.Article with { Tags = odd, Title = "標題" + "𠀀"[..1] } }, []));

        Assert.True(new DiskArticleCache(_root).TryGet(Key, out var read), "expected a hit for the key just stored");
        Assert.Equal(odd, read!.Value!.Article.Tags);
        Assert.Equal("標題" + "𠀀"[..1], read.Value.Article.Title);
    }

    [Fact]
    public void A_build_writes_its_entries_into_one_pack_when_it_saves()
    {
        var cache = new DiskArticleCache(_root);
        var keys = Enumerable.Range(0, 3).Select(i => $"{i:x2}{Key[2..]}").ToList();
        keys.ForEach(k => cache.Put(k, SampleExtraction.Create()));

        Assert.False(new DiskArticleCache(_root).TryGet(keys[0], out _), "expected nothing to be read before the build saves");
        cache.Save(articleCount: 3);

        var files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count == 1 && files[0].EndsWith(".pack", StringComparison.Ordinal), $"expected one pack, found: {string.Join(", ", files)}");
        var next = new DiskArticleCache(_root);
        Assert.All(keys, k => Assert.True(next.TryGet(k, out _), $"expected a hit for {k}"));
    }

    [Fact]
    public void Packs_past_the_limit_are_merged_and_keep_every_entry()
    {
        var keys = Enumerable.Range(0, 20).Select(i => $"{i:x2}{Key[2..]}").ToList();
        foreach (var key in keys)
        {
            var build = new DiskArticleCache(_root);
            build.Put(key, SampleExtraction.Create());
            Assert.Equal(0, build.Save(articleCount: keys.Count));
        }

        var packs = Directory.GetFiles(Path.Combine(_root, "articles"));
        Assert.True(packs.Length <= 8, $"expected at most 8 packs, found {packs.Length}");
        var last = new DiskArticleCache(_root);
        Assert.All(keys, k => Assert.True(last.TryGet(k, out _), $"expected a hit for {k}"));
    }

    public static TheoryData<string> Damage() => ["empty", "text", "truncated", "one byte of the entry changed", "one byte of the index changed", "one byte more"];

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_pack_is_a_miss_and_the_entry_is_stored_again(string damage)
    {
        Store(Key, SampleExtraction.Create());
        var path = Directory.GetFiles(Path.Combine(_root, "articles")).Single();
        var pack = File.ReadAllBytes(path);
        byte[] content = damage switch
        {
            "empty" => [],
            "text" => "not a pack at all"u8.ToArray(),
            "truncated" => pack[..(pack.Length / 2)],
            "one byte of the entry changed" => [.. pack[..40], (byte)(pack[40] ^ 1), .. pack[41..]],
            "one byte of the index changed" => [.. pack[..^8], (byte)(pack[^8] ^ 1), .. pack[^7..]],
            _ => [.. pack, 0],
        };
        File.WriteAllBytes(path, content);

        var cache = new DiskArticleCache(_root);
        var found = cache.TryGet(Key, out var read);
        Assert.False(found, $"expected a miss for a pack with {damage}, got {read}");
        Assert.Equal(1, cache.Misses);

        cache.Put(Key, SampleExtraction.Create());
        cache.Save(articleCount: 1);
        Assert.True(new DiskArticleCache(_root).TryGet(Key, out _), "expected the entry stored again to be read back");
    }

    [Fact]
    public void A_pack_that_cannot_be_read_is_deleted()
    {
        Store(Key, SampleExtraction.Create());
        var damaged = Directory.GetFiles(Path.Combine(_root, "articles")).Single();
        File.WriteAllText(damaged, "not a pack at all");

        new DiskArticleCache(_root).Save(articleCount: 1);

        Assert.False(File.Exists(damaged), "expected the pack that cannot be read to be deleted");
    }

    [Fact]
    public void An_entry_stored_under_another_key_is_a_miss()
    {
        // A pack whose index names another key than the one its entry holds.
        const string other = "ffffffffffffffffffffffffffffffff";
        using var pack = new MemoryStream();
        var sample = SampleExtraction.Create();
        var length = StoredValues.WriteChecked(pack, StoredValues.Serialize(new MemoEntry(Key, sample.Value, sample.Diagnostics)));
        var index = StoredValues.WriteChecked(pack, StoredValues.Serialize(new PackIndex([new(other, 0, length)])));
        pack.Write(BitConverter.GetBytes(index));
        Directory.CreateDirectory(Path.Combine(_root, "articles"));
        File.WriteAllBytes(Path.Combine(_root, "articles", "crafted.pack"), pack.ToArray());

        var cache = new DiskArticleCache(_root);
        Assert.False(cache.TryGet(other, out _), "expected an entry holding another key to be ignored");
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public void No_temporary_files_are_left_after_parallel_writes_and_reads()
    {
        Store(Key, SampleExtraction.Create());
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
        cache.Save(articleCount: 1);

        Assert.Equal(0, failures);
        var files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetExtension).ToList();
        Assert.True(files.Count > 0 && files.All(f => f == ".pack"), $"expected only packs, found: {string.Join(", ", files)}");
    }

    [Fact]
    public void Save_keeps_every_entry_until_the_packs_hold_more_than_twice_the_articles()
    {
        var keys = Enumerable.Range(0, 5).Select(i => $"{i:x2}{Key[2..]}").ToList();
        var writer = new DiskArticleCache(_root);
        keys.ForEach(k => writer.Put(k, SampleExtraction.Create()));
        writer.Save(articleCount: 5);

        var build = new DiskArticleCache(_root);
        Assert.True(build.TryGet(keys[0], out _));

        Assert.Equal(0, build.Save(articleCount: 3));
        Assert.Equal(4, build.Save(articleCount: 2));
        var left = new DiskArticleCache(_root);
        Assert.Equal([keys[0]], keys.Where(k => left.TryGet(k, out _)));
    }

    [Fact]
    public void Save_deletes_entries_of_former_formats_and_keeps_current_ones()
    {
        var cache = new DiskArticleCache(_root);
        cache.Put(Key, SampleExtraction.Create());
        var legacy = Path.Combine(_root, "articles", "01");
        Directory.CreateDirectory(legacy);
        File.WriteAllText(Path.Combine(legacy, Key + ".bin"), "an entry of the former format");
        File.WriteAllText(Path.Combine(legacy, Key + ".json"), $"{{\"Format\":1,\"Key\":\"{Key}\"}}");

        cache.Save(articleCount: 1);

        Assert.False(Directory.Exists(legacy), "expected the folder of entries of former formats to be deleted");
        Assert.True(new DiskArticleCache(_root).TryGet(Key, out _), "expected the current entry to be kept and read");
    }

    [Fact]
    public void Save_removes_temporary_files_of_ended_processes_only()
    {
        Store(Key, SampleExtraction.Create());
        var folder = Path.Combine(_root, "articles");
        var orphan = Path.Combine(folder, "0123.pack.999999999.tmp");
        var ours = Path.Combine(folder, $"4567.pack.{Environment.ProcessId}.tmp");
        File.WriteAllText(orphan, "{");
        File.WriteAllText(ours, "{");

        new DiskArticleCache(_root).Save(articleCount: 1);

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
    public void Cache_key_depends_on_the_values_of_nullable_dates_not_on_the_padding_beside_them()
    {
        // Optimized code may leave anything in the bytes between a nullable value's HasValue flag and its value: an
        // equal configuration loaded by another run can differ there, and must still give the same key.
        var file = new SourceFile("a.txt", Encoding.UTF8.GetBytes("2019年3月5日，開園。"));
        SiteConfig Config(byte padding) => ConfigWithDate("a.txt", Padded(new PartialDate(2023, 1), padding)) with
        {
            Site = SiteConfig.Default.Site with { BuildDate = Padded(new DateOnly(2024, 1, 2), padding) },
        };
        var (clean, dirty) = (Config(0), Config(0xAB));

        Assert.Equal(clean.Articles["a.txt"], dirty.Articles["a.txt"]);
        Assert.Equal(clean.Site, dirty.Site);
        Assert.Equal(ArticleProcessor.CacheKey(file, clean, ArticleProcessor.ConfigFingerprint(clean)),
            ArticleProcessor.CacheKey(file, dirty, ArticleProcessor.ConfigFingerprint(dirty)));
    }

    [Fact]
    public void Cache_key_tells_an_unpaired_surrogate_from_the_replacement_character()
    {
        var file = new SourceFile("a.txt", Encoding.UTF8.GetBytes("2019年3月5日，開園。"));
        string Key(string title)
        {
            var config = ConfigWithDate("a.txt") with { Site = SiteConfig.Default.Site with { Title = title } };
            return ArticleProcessor.CacheKey(file, config, ArticleProcessor.ConfigFingerprint(config));
        }

        Assert.NotEqual(Key("河套\uFFFD"), Key("河套\uD800"));
    }

    /// <summary><paramref name="value"/> as a nullable whose padding bytes (after HasValue, before the value) are <paramref name="padding"/>.</summary>
    private static T? Padded<T>(T value, byte padding)
        where T : struct
    {
        T? nullable = value;
        var bytes = MemoryMarshal.CreateSpan(ref Unsafe.As<T?, byte>(ref nullable), Unsafe.SizeOf<T?>());
        bytes[1..(bytes.Length - Unsafe.SizeOf<T>())].Fill(padding);
        return nullable;
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
        var left = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetExtension).ToList();
        Assert.True(left.All(f => f == ".pack"), $"expected only packs, found: {string.Join(", ", left)}");
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

    private void Store(string key, StageResult<ArticleExtraction?> result)
    {
        var cache = new DiskArticleCache(_root);
        cache.Put(key, result);
        cache.Save(articleCount: 1);
    }

    private static StageResult<ArticleExtraction?> Filled(RecordFiller filler) =>
        new(filler.Create<ArticleExtraction>(), [filler.Create<Diagnostic>(), filler.Create<Diagnostic>()]);

    private static void AssertSame(StageResult<ArticleExtraction?> expected, StageResult<ArticleExtraction?> actual) =>
        DeepEquality.AssertEqual(expected, actual);
}
