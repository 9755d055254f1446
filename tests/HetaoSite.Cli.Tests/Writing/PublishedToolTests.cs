using System.Text.RegularExpressions;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Writing;

/// <summary>
/// The tool as the Pages workflow and the benchmark ship it, published with <c>-p:PublishAot=true</c> (one native
/// executable), builds the seeds exactly as the JIT-compiled tool does: cold, again from its memo and page store, and
/// into an empty output folder with the memo kept. Compiled ahead of time, reflection and shared generic code work
/// differently; a stored record that does not round-trip or a serializer that was trimmed away shows here.
/// </summary>
/// <remarks>
/// Category "Published": the Pages workflow leaves it out of its tests, since it publishes the tool and builds the site
/// with it anyway and the test takes a minute or two; CI and <c>./test.sh</c> run it.
/// </remarks>
[Trait("Category", "Published")]
public sealed partial class PublishedToolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-published-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void The_tool_compiled_ahead_of_time_builds_the_seeds_as_the_jit_compiled_tool_does()
    {
        var tool = Publish(Path.Combine(_root, "tool"));
        using var reference = TempSite.CopyOfRepository();
        AddPadding(reference);
        var expected = CliRun.Of("build", "--config", reference.Config, "--seeds", reference.Seeds, "--templates", reference.Templates, "--out", reference.Output, "--no-cache");
        Assert.True(expected.ExitCode == 0, $"expected the JIT-compiled build to succeed, got {expected}");
        using var site = TempSite.CopyOfRepository();
        var seeds = Directory.GetFiles(site.Seeds).Length;
        AddPadding(site);

        var cold = Build(tool, site);
        Assert.Contains("cache: 0 hits", cold, StringComparison.Ordinal);
        Assert.Contains("; no region without collections", cold, StringComparison.Ordinal);
        AssertSameSite(reference.Output, site.Output, "cold build");

        var rebuild = Build(tool, site);
        Assert.True(MemoHits().Match(rebuild) is { Success: true } hits && hits.Groups["hits"].Value == seeds.ToString(),
            $"expected the rebuild to find all {seeds} articles in the memo, got: {rebuild}");
        Assert.Contains("pages: 0 rendered", rebuild, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^gc: .*; first [\d,]+ MB without collections$", rebuild);
        AssertSameSite(reference.Output, site.Output, "rebuild");

        Directory.Delete(site.Output, recursive: true);
        Build(tool, site);
        AssertSameSite(reference.Output, site.Output, "build into an empty output folder with the memo kept");
    }

    /// <summary>
    /// A file of a type that is not an article (skipped with a warning) that makes the articles' folder large enough for a
    /// rebuild to start its region without collections (<see cref="CollectionBudget"/>), as on a site of a hundred articles.
    /// </summary>
    private static void AddPadding(TempSite site) =>
        File.WriteAllBytes(Path.Combine(site.Seeds, "padding.bin"), new byte[CollectionBudget.Minimum / CollectionBudget.BytesPerArticleByte + 1]);

    /// <summary>Publishes the CLI as the Pages workflow does (gcc links it where clang is not installed).</summary>
    private static string Publish(string output)
    {
        var project = Path.Combine(TempSite.RepositoryRoot, "src", "HetaoSite.Cli");
        List<string> args = ["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nologo", "-v", "quiet"];
        if (!OnPath("clang"))
        {
            args.Add("-p:CppCompilerAndLinker=gcc");
        }

        var (code, log) = CliProcess.Run(TempSite.RepositoryRoot, "dotnet", args);
        Assert.True(code == 0, $"expected dotnet publish -p:PublishAot=true to succeed, got exit {code}: {log}");
        return Path.Combine(output, "hetao");
    }

    private static string Build(string tool, TempSite site)
    {
        var (code, output) = CliProcess.Run(site.Root, tool, "build", "--config", site.Config, "--seeds", site.Seeds, "--templates", site.Templates, "--out", site.Output, "--verbose");
        Assert.True(code == 0, $"expected the published tool's build to succeed, got exit {code}: {output}");
        return output;
    }

    private static void AssertSameSite(string expected, string actual, string what)
    {
        var expectedFiles = SiteFiles.Read(expected);
        var actualFiles = SiteFiles.Read(actual);
        Assert.Equal(expectedFiles.Keys, actualFiles.Keys);
        foreach (var (path, bytes) in expectedFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actualFiles[path]), $"expected {path} of the published tool's {what} to equal the JIT-compiled build's");
        }
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, command)));

    [GeneratedRegex(@"cache: (?<hits>\d+) hits, 0 misses")]
    private static partial Regex MemoHits();
}
