namespace HetaoSite.Cli.Tests.Hostile;

/// <summary>
/// One hostile input: the files it adds to a good site's seeds/ (or the config it uses), the exit code the build must
/// end with, and what must (or must not) appear in the output.
/// </summary>
public sealed record HostileCase(
    string Name,
    IReadOnlyList<(string File, byte[] Bytes)> Files,
    int ExitCode,
    string? NamedFile = null,
    string? Config = null,
    string? ExpectedMessage = null,
    IReadOnlyList<string>? ForbiddenInOutput = null,
    IReadOnlyList<string>? RequiredInOutput = null,
    Action<string>? Arrange = null)
{
    public override string ToString() => Name;
}
