namespace HetaoSite.Core.Model;

/// <summary>What a stage returns: its value and the diagnostics it found on the way.</summary>
public sealed record StageResult<T>(T Value, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public static StageResult<T> Ok(T value) => new(value, []);
}
