using System.Globalization;
using System.Text;
using System.Text.Json;
using HetaoSite.Bench;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

/// <summary>
/// The console stays readable at any size: a build of a generated corpus (bench/CorpusGenerator) with hundreds of
/// warnings prints a summary of a few dozen lines, while data/report.json and --verbose hold every diagnostic; hundreds
/// of errors print the first <see cref="DiagnosticPrinter.ErrorLimit"/> and a count.
/// </summary>
public sealed class ConsoleSummaryTests
{
    private const int Articles = 60;
    private const int StaleOverrides = 300;
    private const int HiddenFiles = 40;
    private const int LineCap = 40;

    [Fact]
    public void Hundreds_of_warnings_print_a_short_summary_and_report_json_and_verbose_hold_them_all()
    {
        using var site = GeneratedSite();
        var warnings = StaleOverrides + HiddenFiles;

        var result = CliRun.Of(["build", .. site.BuildArgs()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var printed = Lines(result.Stdout) + Lines(result.Stderr);
        Assert.True(printed <= LineCap, $"expected at most {LineCap} lines for {warnings} warnings, got {printed}:\n{result}");
        // The generated articles may bring warnings of their own; the stale overrides and hidden drafts are the many.
        Assert.Matches(@"(?m)^\d+ warnings of \d+ kinds; every one is listed in _site/data/report\.json and by --verbose:$", result.Stderr);
        Assert.Contains($"warning HS0502 ×{StaleOverrides}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"warning HS0007 ×{HiddenFiles}: hidden file ignored", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"in .draft-000.md, .draft-001.md, .draft-002.md and {HiddenFiles - 3} more", result.Stderr, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "data", "report.json")));
        var codes = report.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Equal((StaleOverrides, HiddenFiles), (codes.Count(c => c == "HS0502"), codes.Count(c => c == "HS0007")));

        var verbose = CliRun.Of(["build", .. site.BuildArgs("--verbose")]);
        var printedInFull = verbose.Stderr.Split('\n').Count(l => l.Contains(": warning HS0502", StringComparison.Ordinal) || l.Contains(": warning HS0007", StringComparison.Ordinal));
        Assert.Equal(warnings, printedInFull);
    }

    [Fact]
    public void Hundreds_of_errors_print_the_first_twenty_and_a_count()
    {
        using var site = TempSite.WithTemplates();
        for (var i = 0; i < 150; i++)
        {
            site.AddArticle($"empty-{i:D3}.md", "   \n");
        }

        var result = CliRun.Of(["build", .. site.BuildArgs()]);

        Assert.Equal(1, result.ExitCode);
        var errors = result.Stderr.Split('\n').Count(l => l.Contains(": error HS0103", StringComparison.Ordinal));
        Assert.True(errors == DiagnosticPrinter.ErrorLimit, $"expected {DiagnosticPrinter.ErrorLimit} errors printed, got {errors}:\n{result}");
        Assert.Contains($"… {150 - DiagnosticPrinter.ErrorLimit} more errors; run with --verbose to see them all", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("build failed: 150 error(s)", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Generated articles, hidden drafts beside them, and a config whose exclusions match no event.</summary>
    private static TempSite GeneratedSite()
    {
        var config = new StringBuilder(ArticleGenerator.SiteConfig);
        config.Append("events:\n  exclude:\n");
        for (var i = 0; i < StaleOverrides; i++)
        {
            config.Append(CultureInfo.InvariantCulture, $"    - e2019-{i:D10}\n");
        }

        var site = TempSite.WithTemplates(config.ToString());
        for (var i = 0; i < Articles; i++)
        {
            var article = ArticleGenerator.Generate(i, Density.Seeds);
            site.AddArticle(article.FileName, article.Source);
        }

        for (var i = 0; i < HiddenFiles; i++)
        {
            site.AddArticle($".draft-{i:D3}.md", "---\ntitle: 草稿\n---\n");
        }

        return site;
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
