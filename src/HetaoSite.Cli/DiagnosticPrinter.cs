using HetaoSite.Core.Model;

namespace HetaoSite.Cli;

/// <summary>
/// Prints diagnostics so the console stays readable at any size. With <c>--verbose</c>: every diagnostic, notes
/// included, ordered by file and line. Otherwise: errors in full (they stop the build), at most <see cref="ErrorLimit"/>
/// of them; warnings in full when there are at most <see cref="WarningLimit"/>, else a summary of a few lines per code
/// (how many, the first one, a few of the files) pointing to the report and <c>--verbose</c> for the full list.
/// </summary>
/// <example>
/// 2,412 warnings of 3 kinds; every one is listed in _site/data/report.json and by --verbose:
///   warning HS0001 ×2,000: no publication date found
///       in 000001_9e3779.html, 000004_78dde6.txt, 000006_b54cda.md and 1,997 more
/// </example>
public static class DiagnosticPrinter
{
    /// <summary>Errors printed without --verbose; the rest are counted.</summary>
    public const int ErrorLimit = 20;

    /// <summary>Up to this many warnings are printed one by one; more are summarised by code.</summary>
    public const int WarningLimit = 10;

    /// <summary>Codes summarised; further codes are counted in one line.</summary>
    public const int CodeLimit = 12;

    private const int FilesPerCode = 3;
    private const int MessageLength = 110;

    /// <summary>Prints with colour when <paramref name="writer"/> is a terminal that allows it (see <see cref="ConsoleOutput"/>).</summary>
    /// <param name="report">Where the full list is written (<c>_site/data/report.json</c>), or null when nothing is written.</param>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool verbose, string? report = null) =>
        Print(diagnostics, writer, verbose, ConsoleOutput.AllowsColour(writer), report);

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool verbose, bool colour, string? report = null)
    {
        var ordered = diagnostics
            .Where(d => verbose || d.Severity != Severity.Info)
            .OrderBy(d => d.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Line ?? 0)
            .ToList();
        if (verbose)
        {
            foreach (var diagnostic in ordered)
            {
                Write(writer, diagnostic, colour);
            }

            return;
        }

        var errors = ordered.Where(d => d.Severity == Severity.Error).ToList();
        foreach (var error in errors.Take(ErrorLimit))
        {
            Write(writer, error, colour);
        }

        if (errors.Count > ErrorLimit)
        {
            writer.WriteLine(ConsoleOutput.Paint($"… {Count(errors.Count - ErrorLimit)} more errors; run with --verbose to see them all", colour, error: true));
        }

        var warnings = ordered.Where(d => d.Severity == Severity.Warning).ToList();
        if (warnings.Count <= WarningLimit)
        {
            foreach (var warning in warnings)
            {
                Write(writer, warning, colour);
            }

            return;
        }

        Summarise(warnings, writer, colour, report);
    }

    private static void Summarise(List<Diagnostic> warnings, TextWriter writer, bool colour, string? report)
    {
        var codes = warnings.GroupBy(d => d.Code, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var where = report is null ? "run with --verbose to see every one" : $"every one is listed in {report} and by --verbose";
        writer.WriteLine($"{Count(warnings.Count)} warnings of {codes.Count} kind{(codes.Count == 1 ? "" : "s")}; {where}:");
        foreach (var code in codes.Take(CodeLimit))
        {
            var first = code.First();
            writer.WriteLine(ConsoleOutput.Paint($"  warning {code.Key} ×{Count(code.Count())}: {Shorten(first.Message)}", colour, error: false));
            var files = code.Select(d => d.File).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (files.Count > 0)
            {
                var more = files.Count > FilesPerCode ? $" and {Count(files.Count - FilesPerCode)} more" : string.Empty;
                writer.WriteLine($"      in {string.Join(", ", files.Take(FilesPerCode))}{more}");
            }
        }

        if (codes.Count > CodeLimit)
        {
            var rest = codes.Skip(CodeLimit).ToList();
            writer.WriteLine($"  … and {Count(rest.Sum(g => g.Count()))} warnings of {rest.Count} more kinds ({string.Join(", ", rest.Select(g => g.Key))})");
        }
    }

    private static void Write(TextWriter writer, Diagnostic diagnostic, bool colour)
    {
        var text = diagnostic.ToString();
        writer.WriteLine(diagnostic.Severity == Severity.Info ? text : ConsoleOutput.Paint(text, colour, diagnostic.Severity == Severity.Error));
    }

    private static string Shorten(string message) => message.Length <= MessageLength ? message : message[..(MessageLength - 1)] + "…";

    private static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
