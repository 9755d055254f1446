using HetaoSite.Cli.Commands;

namespace HetaoSite.Cli;

/// <summary>Wires verbs to commands; the only place that knows them all.</summary>
public static class CommandLine
{
    public const string Usage = """
        usage: hetao <command> [options]

          build   [--config FILE] [--seeds DIR] [--templates DIR] [--out DIR] [--base-path /x/] [--base-url URL] [--keep-going] [--strict] [--no-cache] [--quiet] [--verbose]
          dates   --ref YYYY-MM-DD --text "…"   |   dates --jsonl  (reads {"ref","text"} lines on stdin)
          serve   [--port N] [--config FILE] [--seeds DIR] [--templates DIR] [--base-path /x/] [--base-url URL] [--keep-going] [--quiet] [--verbose]
          check   [--out DIR] [--base-path /x/] [--base-url URL] [--config FILE] [--strict] [--quiet] [--verbose]
          new     "標題" --text FILE|- [--date YYYY-MM-DD] [--url URL] [--seeds DIR] [--templates DIR]
          new     --from page.html [--seeds DIR] [--config FILE]
          eval    [--set tests/DevSet] [--config FILE] [--json] [--verbose]
        """;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Count == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Count == 0 ? ExitCode.UsageError : ExitCode.Success;
        }

        var rest = args.Skip(1).ToList();
        try
        {
            return args[0] switch
            {
                "build" => BuildCommand.Run(rest, stdout, stderr),
                "dates" => DatesCommand.Run(rest, stdin, stdout, stderr),
                "serve" => ServeCommand.Run(rest, stdout, stderr),
                "check" => CheckCommand.Run(rest, stdout, stderr),
                "new" => NewCommand.Run(rest, stdin, stdout, stderr, TimeProvider.System),
                "eval" => EvalCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            stderr.WriteLine(Usage);
            return ExitCode.UsageError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCode.ContentErrors;
        }
        catch (Exception ex)
        {
            // The last line of defence: a bug is reported as one line, never as a stack trace.
            stderr.WriteLine($"error HS0999: internal error: {ex.GetType().Name}: {ex.Message} (please report it; HETAO_DEBUG=1 shows details)");
            if (Environment.GetEnvironmentVariable("HETAO_DEBUG") == "1")
            {
                stderr.WriteLine(ex.ToString());
            }

            return ExitCode.ContentErrors;
        }
    }
}
