using Spectre.Console;

namespace HetaoSite.Cli;

/// <summary>
/// What the console allows: colour only on a real terminal without <c>NO_COLOR</c> (https://no-color.org), a progress
/// spinner only on an interactive stdout. Tests pass their own writers, which are never the console, so they always
/// get plain text.
/// </summary>
public static class ConsoleOutput
{
    /// <summary>Builds that finish sooner than this show no spinner at all.</summary>
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromMilliseconds(400);

    public static bool AllowsColour(TextWriter writer)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) || Environment.GetEnvironmentVariable("TERM") == "dumb")
        {
            return false;
        }

        return (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected)
            || (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);
    }

    public static bool IsInteractive(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>"error …" in red, "warning …" in yellow when <paramref name="colour"/> is allowed; the text unchanged otherwise.</summary>
    public static string Paint(string line, bool colour, bool error)
    {
        if (!colour)
        {
            return line;
        }

        return error ? $"\u001b[31m{line}\u001b[0m" : $"\u001b[33m{line}\u001b[0m";
    }

    /// <summary>
    /// Runs <paramref name="work"/>; when it takes longer than a moment and stdout is a terminal, shows a spinner with
    /// <paramref name="label"/> until it is done. Otherwise prints nothing.
    /// </summary>
    public static T WithProgress<T>(TextWriter stdout, bool quiet, string label, Func<T> work)
    {
        if (quiet || !IsInteractive(stdout))
        {
            return work();
        }

        // On a thread of its own, as the build would run on the main thread: the build's parallel queries need the pool's
        // threads, which start as many as there are cores.
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(ProgressDelay))
        {
            AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(label), _ => task.Wait());
        }

        return task.GetAwaiter().GetResult();
    }
}
