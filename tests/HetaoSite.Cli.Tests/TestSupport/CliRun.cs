using HetaoSite.Cli;

namespace HetaoSite.Cli.Tests.TestSupport;

/// <summary>Runs the CLI in-process with captured output.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

public static class CliRun
{
    public static CliResult Run(params string[] args) => RunWithInput(string.Empty, args);

    public static CliResult RunWithInput(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandLine.Run(args, input, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
