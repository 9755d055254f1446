using System.Security.Cryptography;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Hostile;

/// <summary>
/// Issue 7: whatever arrives, the build either produces a correct site or stops with a clear message — exit code,
/// the file named, no stack trace, nothing written outside the output folder, the previous site intact, seeds unchanged.
/// </summary>
public class HostileInputTests
{
    private const string GoodArticle = "---\ntitle: 好文章\ndate: 2024-08-09\n---\n\n2024年6月，國際產業中試集聚區在河套深圳園區成立。\n";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in HostileCases.All())
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_35_hostile_cases() =>
        Assert.True(HostileCases.All().Count() >= 35, $"expected at least 35 cases, got {HostileCases.All().Count()}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_input_is_handled(string name)
    {
        var hostile = HostileCases.All().Single(c => c.Name == name);
        using var site = TempSite.WithTemplates(hostile.Config ?? "site:\n  title: 測試\n");
        site.AddArticle("good.md", GoodArticle);
        var first = CliRun.Of(["build", .. site.BuildArgs()]);
        Assert.True(first.ExitCode == 0, $"expected the good site to build first, got {first.ExitCode}: {first.Stderr}");
        var previous = Snapshot(site.Output);

        foreach (var (file, bytes) in hostile.Files)
        {
            site.AddArticle(file, bytes);
        }

        hostile.Arrange?.Invoke(site.Seeds);
        var seedsBefore = Snapshot(site.Seeds);
        var rootBefore = OutsideOutput(site);

        var result = CliRun.Of(["build", .. site.BuildArgs()]);

        Assert.True(result.ExitCode == hostile.ExitCode, $"{name}: expected exit {hostile.ExitCode}, got {result.ExitCode}\nstderr: {Cut(result.Stderr)}");
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(seedsBefore, Snapshot(site.Seeds));
        var rootAfter = OutsideOutput(site);
        Assert.True(rootBefore.SequenceEqual(rootAfter), $"{name}: expected no file written outside the output, new: {string.Join(", ", rootAfter.Except(rootBefore))}");

        // An error or a warning: either way the message names the file.
        Assert.True(hostile.NamedFile is null || result.Stderr.Contains(hostile.NamedFile, StringComparison.Ordinal),
            $"{name}: expected the message to name {hostile.NamedFile}, got: {Cut(result.Stderr)}");
        Assert.True(hostile.ExpectedMessage is null || result.Stderr.Contains(hostile.ExpectedMessage, StringComparison.OrdinalIgnoreCase),
            $"{name}: expected the message to mention '{hostile.ExpectedMessage}', got: {Cut(result.Stderr)}");
        if (hostile.ExitCode != 0)
        {
            Assert.True(previous.SequenceEqual(Snapshot(site.Output)), $"{name}: expected the previous site to survive a failed build");

            var keepGoing = CliRun.Of(["build", .. site.BuildArgs("--keep-going")]);
            Assert.True(keepGoing.ExitCode == 0, $"{name}: expected --keep-going to build the rest, got {keepGoing.ExitCode}: {Cut(keepGoing.Stderr)}");
            Assert.DoesNotContain("   at ", keepGoing.Stderr, StringComparison.Ordinal);
        }

        var output = AllText(site.Output);
        foreach (var forbidden in hostile.ForbiddenInOutput ?? [])
        {
            Assert.True(!output.Contains(forbidden, StringComparison.Ordinal), $"{name}: expected '{forbidden}' nowhere in the output");
        }

        foreach (var required in hostile.RequiredInOutput ?? [])
        {
            var inPaths = Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Any(p => p.Replace('\\', '/').EndsWith(required, StringComparison.Ordinal));
            Assert.True(inPaths || output.Contains(required, StringComparison.Ordinal), $"{name}: expected '{required}' in the output");
        }
    }

    // Everything under the site root except the output and the build cache (the one other place a build may write).
    private static List<string> OutsideOutput(TempSite site) =>
        Directory.GetFileSystemEntries(site.Root, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(site.Output, StringComparison.Ordinal) && !p.StartsWith(Path.Combine(site.Root, ".hetao-cache"), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> Snapshot(string folder) =>
        !Directory.Exists(folder) ? [] : Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(folder, p) + ":" + (new FileInfo(p).LinkTarget is { } link
                ? "link to " + link // a link, even a dangling one, is compared by where it points
                : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))))
            .ToList();

    private static string AllText(string folder) =>
        !Directory.Exists(folder) ? string.Empty : string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".html", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".xml", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    private static string Cut(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
}
