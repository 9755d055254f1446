using HetaoSite.Core.Model;

namespace HetaoSite.Cli;

/// <summary>Prints diagnostics grouped by file: errors and warnings always, notes only with --verbose.</summary>
public static class DiagnosticPrinter
{
    /// <summary>Prints with colour when <paramref name="writer"/> is a terminal that allows it (see <see cref="ConsoleOutput"/>).</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool verbose) =>
        Print(diagnostics, writer, verbose, ConsoleOutput.AllowsColour(writer));

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool verbose, bool colour)
    {
        foreach (var diagnostic in diagnostics
            .Where(d => verbose || d.Severity != Severity.Info)
            .OrderBy(d => d.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Line ?? 0))
        {
            var text = diagnostic.ToString();
            writer.WriteLine(diagnostic.Severity == Severity.Info ? text : ConsoleOutput.Paint(text, colour, diagnostic.Severity == Severity.Error));
        }
    }
}
