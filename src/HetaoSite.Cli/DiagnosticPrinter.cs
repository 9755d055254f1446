using HetaoSite.Core.Model;

namespace HetaoSite.Cli;

/// <summary>Prints diagnostics grouped by file: errors and warnings always, notes only with --verbose.</summary>
public static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool verbose)
    {
        foreach (var diagnostic in diagnostics
            .Where(d => verbose || d.Severity != Severity.Info)
            .OrderBy(d => d.File ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Line ?? 0))
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }
}
