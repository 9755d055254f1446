using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Golden;

/// <summary>
/// Pins the bytes of every file under <c>data/</c> (events, articles, figures, report, TimelineJS, search index) for
/// generated multi-article sites, so that how they are produced can change while what is written cannot. The small site
/// is kept file by file in <c>Golden/data-files/small/</c>; the large one (big enough for several search shards) as SHA-256
/// hashes in <c>Golden/data-files/large.sha256</c>.
/// Set <c>HETAO_UPDATE_GOLDEN=1</c> to rewrite both after an intended change.
/// </summary>
public sealed class DataFilesGoldenTests
{
    private static readonly string Root = Path.Combine(RepositoryRoot.Path, "tests", "HetaoSite.Core.Tests", "Golden", "data-files");

    private static bool Update => Environment.GetEnvironmentVariable("HETAO_UPDATE_GOLDEN") == "1";

    [Fact]
    public void Data_files_of_a_small_generated_site_match_the_expected_files()
    {
        var actual = GeneratedSite.DataFiles(GeneratedSite.Content(articles: 24, paginate: 10));
        var dir = Path.Combine(Root, "small");
        if (Update)
        {
            foreach (var (path, bytes) in actual)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
                File.WriteAllBytes(Path.Combine(dir, path), bytes);
            }

            return;
        }

        var expected = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(dir, p).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, want) in expected)
        {
            var got = actual[path];
            var at = want.AsSpan().CommonPrefixLength(got);
            Assert.True(at == want.Length && at == got.Length,
                $"{path}: expected the golden file's {want.Length} bytes, got {got.Length} bytes differing from byte {at}:\n"
                + $"  expected: {Around(want, at)}\n  actual:   {Around(got, at)}");
        }
    }

    [Fact]
    public void Data_files_of_a_large_generated_site_have_the_expected_hashes()
    {
        var actual = GeneratedSite.DataFiles(GeneratedSite.Content(articles: 1100, paginate: 200));
        var shards = actual.Keys.Count(p => p.StartsWith("data/search/p-", StringComparison.Ordinal));
        Assert.True(shards > 1, $"expected the large site's search postings to be split into several shards, got {shards}");
        var lines = actual.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(f.Value))}  {f.Key}  {f.Value.Length}").ToList();
        var file = Path.Combine(Root, "large.sha256");
        if (Update)
        {
            File.WriteAllText(file, string.Join('\n', lines) + "\n");
            return;
        }

        var expected = File.ReadAllText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines);
    }

    private static string Around(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - 60);
        return Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 60) - start).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
