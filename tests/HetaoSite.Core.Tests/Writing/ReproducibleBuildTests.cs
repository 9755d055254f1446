using System.Text;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

/// <summary>Two builds of the same inputs, from different folders into different folders, are byte-identical.</summary>
public sealed class ReproducibleBuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-repro-test-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void The_seed_site_builds_to_the_same_bytes_wherever_it_is_and_wherever_it_goes()
    {
        var first = CopySite(Path.Combine(_root, "one"));
        var second = CopySite(Path.Combine(_root, "二 two", "deeper"));
        var firstOut = Path.Combine(_root, "out-a", "_site");
        var secondOut = Path.Combine(_root, "elsewhere", "public");

        Build(first, firstOut, new DiskArticleCache(Path.Combine(first, ".hetao-cache")));
        Build(second, secondOut, cache: null);

        var firstFiles = Files(firstOut);
        var secondFiles = Files(secondOut);
        Assert.NotEmpty(firstFiles);
        Assert.Equal(firstFiles.Keys, secondFiles.Keys);
        foreach (var (path, bytes) in firstFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(secondFiles[path]), $"expected {path} to be byte-identical in both builds");
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var local in new[] { _root, first, second, firstOut, secondOut, Path.GetTempPath().TrimEnd('/') })
            {
                Assert.False(text.Contains(local, StringComparison.Ordinal), $"expected no local path in {path}, found '{local}'");
            }
        }
    }

    [Fact]
    public void A_cached_rebuild_writes_the_same_bytes_and_rewrites_nothing()
    {
        var site = CopySite(Path.Combine(_root, "site"));
        var output = Path.Combine(_root, "_site");
        var cache = Path.Combine(site, ".hetao-cache");
        Build(site, output, new DiskArticleCache(cache));
        var before = Files(output);

        var warm = new DiskArticleCache(cache);
        var (build, summary) = BuildSite(site, output, warm);

        // Every article comes from the cache; articles with errors (skipped) are never cached, so they would be misses.
        Assert.True(build.Articles.Count > 0 && warm.Hits == build.Articles.Count && warm.Misses == build.SkippedFiles.Count,
            $"expected {build.Articles.Count} hits and {build.SkippedFiles.Count} misses, got {warm.Hits} and {warm.Misses}");
        Assert.Equal(0, summary.Written);
        var after = Files(output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key]), $"expected {kv.Key} unchanged"));
    }

    private static WriteSummary Build(string site, string output, IArticleCache? cache) => BuildSite(site, output, cache).Summary;

    private static (SiteBuild Build, WriteSummary Summary) BuildSite(string site, string output, IArticleCache? cache)
    {
        var inputs = new SiteInputs(Path.Combine(site, "site-config.yml"), Path.Combine(site, "seeds"), Path.Combine(site, "templates"));
        var build = SiteBuilder.Build(inputs, new BuildContext(BuildDate: null, Converter: null, cache, KeepGoing: true), output);
        return (build, build.Written ?? throw new InvalidOperationException("expected the site to build and be written:\n" + string.Join("\n", build.Diagnostics)));
    }

    /// <summary>A copy of the repository's site (config, seeds, templates) at <paramref name="destination"/>.</summary>
    internal static string CopySite(string destination)
    {
        var repository = RepositoryRoot.Path;
        Directory.CreateDirectory(destination);
        File.Copy(Path.Combine(repository, "site-config.yml"), Path.Combine(destination, "site-config.yml"));
        foreach (var folder in new[] { "seeds", "templates" })
        {
            var from = Path.Combine(repository, folder);
            Directory.CreateDirectory(Path.Combine(destination, folder));
            if (!Directory.Exists(from))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(destination, folder, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        return destination;
    }

    /// <summary>Every file under <paramref name="root"/> by relative path, with its bytes.</summary>
    internal static SortedDictionary<string, byte[]> Files(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes),
        StringComparer.Ordinal);
}
