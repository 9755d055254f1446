namespace HetaoSite.Cli.Tests.TestSupport;

/// <summary>One in-process run of the CLI with captured output.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args) => WithInput(string.Empty, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input.</summary>
    public static CliRun WithInput(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, input, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
