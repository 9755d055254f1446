using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

public class ServeCommandTests
{
    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "-1")]
    [InlineData("--port", "70000")]
    [InlineData("--out", "_site")]
    [InlineData("--bogus", "1")]
    public void Bad_options_are_usage_errors_before_anything_is_served(string option, string value)
    {
        using var site = TempSite.CopyOfRepository();

        var run = CliRun.Of(["serve", option, value, .. site.Args()]);

        Assert.True(run.ExitCode == 2, $"expected exit 2 for serve {option} {value}, got {run}");
        Assert.DoesNotContain("serving", run.Stdout, StringComparison.Ordinal);
    }
}
