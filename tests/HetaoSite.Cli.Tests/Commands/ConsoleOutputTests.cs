using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Tests.Commands;

public class ConsoleOutputTests
{
    [Fact]
    public void A_writer_that_is_not_the_console_never_gets_colour()
    {
        using var writer = new StringWriter();

        Assert.False(ConsoleOutput.AllowsColour(writer));
        Assert.False(ConsoleOutput.IsInteractive(writer));
    }

    [Fact]
    public void Errors_are_painted_red_and_warnings_yellow_only_when_colour_is_allowed()
    {
        Assert.Equal("\u001b[31merror\u001b[0m", ConsoleOutput.Paint("error", colour: true, error: true));
        Assert.Equal("\u001b[33mwarning\u001b[0m", ConsoleOutput.Paint("warning", colour: true, error: false));
        Assert.Equal("error", ConsoleOutput.Paint("error", colour: false, error: true));
    }

    [Fact]
    public void Diagnostics_printed_to_a_redirected_writer_are_plain_text()
    {
        using var writer = new StringWriter();

        DiagnosticPrinter.Print([Diagnostic.Error("HS0301", "broken link", "index.html", 4)], writer, verbose: false);

        Assert.Equal("index.html:4: error HS0301: broken link" + Environment.NewLine, writer.ToString());
    }

    [Fact]
    public void Progress_runs_the_work_and_prints_nothing_when_stdout_is_not_a_terminal()
    {
        using var writer = new StringWriter();

        var result = ConsoleOutput.WithProgress(writer, quiet: false, "building…", () => 42);

        Assert.Equal((42, string.Empty), (result, writer.ToString()));
    }
}
