using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace HetaoSite.Cli.Serving;

/// <summary>
/// The Server-Sent Events endpoint browsers listen on: <c>reload</c> after a successful rebuild (data: the new
/// version), <c>build-error</c> after a failed one (data: <c>{"messages":[…]}</c>), <c>hello</c> on connect
/// (data: the current version, so a browser that missed a rebuild while reconnecting reloads).
/// </summary>
public sealed class LiveReloadHub
{
    public const string EventsPath = "/__hetao/livereload";

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<int, Channel<string>> _clients = new();
    private int _nextClient;

    public int ClientCount => _clients.Count;

    public void Broadcast(string eventName, string data)
    {
        var message = Format(eventName, data);
        foreach (var client in _clients.Values)
        {
            client.Writer.TryWrite(message);
        }
    }

    /// <summary>Streams events to one browser until it disconnects or <paramref name="stopping"/> fires.</summary>
    public async Task ServeAsync(HttpContext http, IEnumerable<string> greeting, CancellationToken stopping)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // A slow browser loses old messages rather than holding memory; only the latest state matters.
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Interlocked.Increment(ref _nextClient);
        _clients[id] = channel;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var token = linked.Token;
        try
        {
            await response.WriteAsync("retry: 1000\n\n", token);
            foreach (var message in greeting)
            {
                await response.WriteAsync(message, token);
            }

            await response.Body.FlushAsync(token);
            while (!token.IsCancellationRequested)
            {
                bool ready;
                try
                {
                    ready = await channel.Reader.WaitToReadAsync(token).AsTask().WaitAsync(KeepAlive, token);
                }
                catch (TimeoutException)
                {
                    await response.WriteAsync(": keep-alive\n\n", token);
                    await response.Body.FlushAsync(token);
                    continue;
                }

                if (!ready)
                {
                    break;
                }

                while (channel.Reader.TryRead(out var message))
                {
                    await response.WriteAsync(message, token);
                }

                await response.Body.FlushAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
            // the browser went away or the server is stopping
        }
        catch (IOException)
        {
            // the connection broke while writing
        }
        finally
        {
            _clients.TryRemove(id, out _);
        }
    }

    /// <summary>Ends every open stream (on shutdown), so Kestrel does not wait for them.</summary>
    public void CompleteAll()
    {
        foreach (var client in _clients.Values)
        {
            client.Writer.TryComplete();
        }
    }

    /// <summary>One SSE message; every line of <paramref name="data"/> gets its own <c>data:</c> field.</summary>
    public static string Format(string eventName, string data)
    {
        var builder = new StringBuilder();
        builder.Append("event: ").Append(eventName).Append('\n');
        foreach (var line in data.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            builder.Append("data: ").Append(line).Append('\n');
        }

        return builder.Append('\n').ToString();
    }
}
