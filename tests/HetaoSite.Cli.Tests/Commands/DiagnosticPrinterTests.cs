using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Tests.Commands;

/// <summary>Without --verbose: a few warnings in full, many summarised by code (at most <see cref="DiagnosticPrinter.CodeLimit"/> codes); with it, all.</summary>
public sealed class DiagnosticPrinterTests
{
    [Fact]
    public void Up_to_ten_warnings_are_printed_in_full_with_their_hints()
    {
        var warnings = Enumerable.Range(0, DiagnosticPrinter.WarningLimit).Select(i => Diagnostic.Warning("HS0107", "title shortened", $"a{i}.md", hint: "shorten it")).ToList();

        var text = Printed(warnings, verbose: false);

        Assert.Equal(DiagnosticPrinter.WarningLimit, Count(text, ": warning HS0107: title shortened"));
        Assert.Equal(DiagnosticPrinter.WarningLimit, Count(text, "hint: shorten it"));
    }

    [Fact]
    public void Warnings_of_many_codes_show_the_most_frequent_codes_and_count_the_rest()
    {
        var warnings = Enumerable.Range(0, 20).SelectMany(code => Enumerable.Range(0, 20 - code)
            .Select(i => Diagnostic.Warning($"HS{700 + code:D4}", $"problem {code}", $"f{i:D2}.md"))).ToList();

        var text = Printed(warnings, verbose: false);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith($"{warnings.Count} warnings of 20 kinds; every one is listed in _site/data/report.json and by --verbose:", lines[0], StringComparison.Ordinal);
        Assert.Equal("  warning HS0700 ×20: problem 0", lines[1]);
        Assert.Equal("      in f00.md, f01.md, f02.md and 17 more", lines[2]);
        Assert.Equal(1 + (2 * DiagnosticPrinter.CodeLimit) + 1, lines.Length);
        Assert.StartsWith("  … and 36 warnings of 8 more kinds (HS0712, ", lines[^1], StringComparison.Ordinal);
        Assert.Equal(warnings.Count, Count(Printed(warnings, verbose: true), ": warning HS07"));
    }

    private static string Printed(IEnumerable<Diagnostic> diagnostics, bool verbose)
    {
        using var writer = new StringWriter();
        DiagnosticPrinter.Print(diagnostics, writer, verbose, colour: false, report: "_site/data/report.json");
        return writer.ToString();
    }

    private static int Count(string text, string part) => text.Split('\n').Count(l => l.Contains(part, StringComparison.Ordinal));
}
