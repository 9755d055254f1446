using System.Diagnostics;

namespace HetaoSite.Cli.Tests.TestSupport;

/// <summary>The CLI run as a real process: its exit code and its standard output and error together.</summary>
public static class CliProcess
{
    public static (int Code, string Output) Run(string workingDirectory, string fileName, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("SOURCE_DATE_EPOCH");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
