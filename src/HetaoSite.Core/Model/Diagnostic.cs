using MemoryPack;

namespace HetaoSite.Core.Model;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A problem or note found by a stage. Stages return diagnostics as values instead of throwing, so a build
/// can report every problem of every article at once.
/// </summary>
/// <param name="Code">Stable code such as <c>HS0101</c>; see docs/diagnostics.md.</param>
/// <param name="File">The article or template file name the problem is in, when there is one.</param>
/// <param name="Line">1-based line in that file, when known.</param>
/// <param name="Hint">How to fix it.</param>
[MemoryPackable]
public sealed partial record Diagnostic(Severity Severity, string Code, string Message, string? File = null, int? Line = null, string? Hint = null)
{
    public static Diagnostic Error(string code, string message, string? file = null, int? line = null, string? hint = null) =>
        new(Severity.Error, code, message, file, line, hint);

    public static Diagnostic Warning(string code, string message, string? file = null, int? line = null, string? hint = null) =>
        new(Severity.Warning, code, message, file, line, hint);

    public static Diagnostic Info(string code, string message, string? file = null, int? line = null, string? hint = null) =>
        new(Severity.Info, code, message, file, line, hint);

    /// <summary>The diagnostics with every warning made an error (<c>--strict</c>); notes and errors unchanged.</summary>
    public static IReadOnlyList<Diagnostic> WarningsAsErrors(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => d.Severity == Severity.Warning ? d with { Severity = Severity.Error } : d)];

    /// <summary>"file:line: error HS0101: message (hint)".</summary>
    public override string ToString()
    {
        var where = File is null ? string.Empty : Line is null ? $"{File}: " : $"{File}:{Line}: ";
        var level = Severity.ToString().ToLowerInvariant();
        var hint = Hint is null ? string.Empty : $"\n    hint: {Hint}";
        return $"{where}{level} {Code}: {Message}{hint}";
    }
}
