using HetaoSite.Cli.Serving;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>serve [--port N] [build options]</c>: the preview server on 127.0.0.1 (see <see cref="PreviewServer"/>) until Ctrl+C.
/// </summary>
public static class ServeCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = CommandArguments.Parse(args, [.. BuildCommand.ValuedOptions, "port"], BuildCommand.Switches);
        if (arguments.Has("out"))
        {
            throw new UsageException("serve builds in memory and writes nothing; --out is for build");
        }

        var port = PreviewServerOptions.DefaultPort;
        if (arguments.Get("port") is { } text && !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
        {
            throw new UsageException($"--port '{text}' is not a port number (0 picks a free one)");
        }

        var options = new PreviewServerOptions(SitePaths.From(arguments), arguments) { Port = port, Output = stdout, Error = stderr };
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop cleanly instead of being killed mid-write
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return RunAsync(options, stdout, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Serves until <paramref name="stop"/> fires; the in-process form of the command.</summary>
    public static async Task<int> RunAsync(PreviewServerOptions options, TextWriter stdout, CancellationToken stop)
    {
        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(options, stop);
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            options.Error.WriteLine($"error: port {options.Port} on 127.0.0.1 is in use; pass --port N (0 picks a free one)");
            return ExitCode.ContentErrors;
        }
        catch (OperationCanceledException)
        {
            return ExitCode.Success;
        }

        await using (server)
        {
            stdout.WriteLine($"serving {server.Url}  (Ctrl+C to stop)");
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                stdout.WriteLine("stopping");
            }
        }

        return ExitCode.Success;
    }
}
