using System.Text.RegularExpressions;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

/// <summary>
/// <c>build</c> and <c>check</c> agree: a site built by the real pipeline under a base path passes <c>check</c> with the
/// same base path, every article page shows its events, and no link leaves the base path.
/// </summary>
public sealed partial class BuiltSiteCheckTests
{
    private const string BasePath = "/hetao-site/";

    public static TheoryData<string> Sites() => new() { "frozen-seeds", "browser-fixture" };

    [Theory]
    [MemberData(nameof(Sites))]
    public void Site_built_under_a_base_path_passes_check_with_that_base_path(string name)
    {
        using var site = Site(name);

        var build = CliRun.Of(["build", .. site.BuildArgs("--base-path", BasePath, "--no-cache", "--quiet")]);
        Assert.True(build.ExitCode == 0, $"expected the build to succeed, got {build}");
        var check = CliRun.Of("check", "--out", site.Output, "--config", site.Config, "--base-path", BasePath);

        Assert.True(check.ExitCode == 0, $"expected check to pass with exit 0, got {check}");
        Assert.Matches(@"under /hetao-site/ in [\d.]+ s: 0 error\(s\)", check.Stdout);
        Assert.False(check.Stderr.Contains("HS0305", StringComparison.Ordinal), $"expected every article page to show its events, got {check}");
        var escapes = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories)
            .SelectMany(path => RootLinks().Matches(File.ReadAllText(path))
                .Select(m => m.Groups["url"].Value)
                .Where(url => !url.StartsWith(BasePath, StringComparison.Ordinal))
                .Select(url => $"{Path.GetRelativePath(site.Output, path)}: {url}"))
            .ToList();
        Assert.True(escapes.Count == 0, $"expected every root-relative link to start with {BasePath}, found:\n{string.Join("\n", escapes.Take(20))}");
    }

    /// <summary>The five seeds (frozen copies from the core tests) with the repository's config, or the browser fixture.</summary>
    private static TempSite Site(string name)
    {
        var root = TempSite.RepositoryRoot;
        var (config, seeds) = name == "frozen-seeds"
            ? (Path.Combine(root, "site-config.yml"), Path.Combine(root, "tests", "HetaoSite.Core.Tests", "Fixtures", "seeds"))
            : (Path.Combine(root, "tests", "HetaoSite.Cli.Tests", "Fixtures", "site", "site-config.yml"), Path.Combine(root, "tests", "HetaoSite.Cli.Tests", "Fixtures", "site", "seeds"));
        var site = TempSite.WithTemplates(File.ReadAllText(config));
        foreach (var file in Directory.EnumerateFiles(seeds))
        {
            site.AddArticle(Path.GetFileName(file), File.ReadAllBytes(file));
        }

        return site;
    }

    // href/src/action values that start at the host root ("/…" but not "//host").
    [GeneratedRegex("""(?:href|src|action|data-[a-z-]+)="(?<url>/(?!/)[^"]*)(?=")""", RegexOptions.CultureInvariant)]
    private static partial Regex RootLinks();
}
