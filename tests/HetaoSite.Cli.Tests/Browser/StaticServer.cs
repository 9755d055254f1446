using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>
/// A tiny static file server on 127.0.0.1 and a free port, serving a built site under a base path the way GitHub Pages
/// does: folders answer with their index.html, unknown paths with 404.html and status 404. With <c>gzip</c>, text files
/// are sent gzip-compressed to a browser that accepts it, as GitHub Pages sends them, so that the bytes a test counts are
/// the bytes a reader downloads.
/// </summary>
public sealed class StaticServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _basePath;
    private readonly bool _gzip;
    private readonly ConcurrentDictionary<string, byte[]> _compressed = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public StaticServer(string root, string basePath, bool gzip = false)
    {
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        _gzip = gzip;
        var port = FreePort();
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>"http://127.0.0.1:PORT".</summary>
    public string Origin { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // stopping the listener ends the loop
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        var file = Resolve(path);
        var status = 200;
        if (file is null)
        {
            status = 404;
            file = Path.Combine(_root, "404.html");
        }

        var bytes = File.ReadAllBytes(file);
        response.StatusCode = status;
        response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        if (_gzip && Types.ContainsKey(Path.GetExtension(file))
            && (context.Request.Headers["Accept-Encoding"] ?? string.Empty).Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            bytes = _compressed.GetOrAdd(file, _ => Gzip(bytes));
            response.AddHeader("Content-Encoding", "gzip");
        }

        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private string? Resolve(string path)
    {
        if (!path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = path[_basePath.Length..];
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "index.html");
        }

        return File.Exists(full) ? full : null;
    }
}
