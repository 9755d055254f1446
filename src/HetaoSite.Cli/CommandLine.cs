using HetaoSite.Cli.Commands;

namespace HetaoSite.Cli;

/// <summary>Wires verbs to commands; the only place that knows them all.</summary>
public static class CommandLine
{
    public const string Usage = """
        usage: hetao <command> [options]

          build   [--config FILE] [--seeds DIR] [--templates DIR] [--out DIR] [--base-path /x/] [--keep-going] [--no-cache] [--quiet] [--verbose]
          dates   --ref YYYY-MM-DD --text "…"   |   dates --jsonl  (reads {"ref","text"} lines on stdin)
          serve   [--port N] [build options]
          check   [--out DIR]
          new     "標題" [--date YYYY-MM-DD] [--url URL]
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
    }
}
