using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using HetaoSite.Cli.Commands;
using HetaoSite.Core;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HetaoSite.Cli.Serving;

/// <summary>
/// The preview server of <c>hetao serve</c>: builds the site in memory, serves it on 127.0.0.1 under its base path,
/// rebuilds when seeds/, templates/ or the config change, and tells browsers to reload over Server-Sent Events.
/// A failed rebuild keeps serving the last good site and shows the errors in the page. Nothing is written to disk.
/// </summary>
/// <example>
/// <code>
/// await using var server = await PreviewServer.StartAsync(options with { Port = 0 }, cancellationToken);
/// Console.WriteLine(server.Url); // http://127.0.0.1:41237/hetao-site/
/// </code>
/// </example>
public sealed class PreviewServer : IAsyncDisposable
{
    private static readonly byte[] ReloadScript = Resource("livereload.js");
    private static readonly string MessagePage = Encoding.UTF8.GetString(Resource("preview-page.html"));

    private readonly PreviewServerOptions _options;
    private readonly Func<SiteBuild> _build;
    private readonly LiveReloadHub _hub = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private WebApplication? _app;
    private SiteWatcher? _watcher;
    private Task _rebuildLoop = Task.CompletedTask;
    private SiteFiles _site;
    private IReadOnlyList<string>? _failure;
    private int _builds;
    private int _disposed;

    private PreviewServer(PreviewServerOptions options)
    {
        _options = options;
        // The memo is the one `build` uses, so a preview starts from what the last build processed, and the next build
        // from what the preview did.
        var memo = BuildCommand.OpenMemo(options.Paths, options.Arguments);
        _build = options.Build ?? (() => SiteBuilder.Build(options.Paths.Inputs, BuildCommand.Context(options.Arguments, memo)));
        _out = TextWriter.Synchronized(options.Output);
        _err = TextWriter.Synchronized(options.Error);
        _site = SiteFiles.Empty("/");
    }

    /// <summary>The site's address, e.g. <c>http://127.0.0.1:4000/hetao-site/</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The snapshot being served now.</summary>
    public SiteFiles Site => Volatile.Read(ref _site);

    /// <summary>The messages of the last rebuild when it failed; null while the served site is current.</summary>
    public IReadOnlyList<string>? Failure => Volatile.Read(ref _failure);

    private bool Verbose => _options.Arguments.Has("verbose");

    private bool Quiet => _options.Arguments.Has("quiet");

    /// <summary>Builds the site, starts listening on 127.0.0.1 and starts watching; returns once requests are served.</summary>
    public static async Task<PreviewServer> StartAsync(PreviewServerOptions options, CancellationToken cancellationToken)
    {
        var server = new PreviewServer(options);
        try
        {
            await server.StartCoreAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops watching, ends the event streams and stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _watcher?.Dispose();
        _changes.Writer.TryComplete();
        await _stopping.CancelAsync();
        _hub.CompleteAll();
        try
        {
            await _rebuildLoop;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_options.Port is < 0 or > 65535)
        {
            throw new UsageException($"--port {_options.Port} is not a port number (0 picks a free one)");
        }

        await RebuildAsync(initial: true);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = _options.Paths.Root, Args = [] });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _options.Port));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>(); // Ctrl+C belongs to the command, not the host
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        var app = builder.Build();
        app.Run(HandleAsync);
        _app = app;
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the preview server did not report its address");
        var port = new Uri(address).Port;
        Url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{Site.BasePath}");

        _watcher = new SiteWatcher(_options.Paths, path => _changes.Writer.TryWrite(path));
        _rebuildLoop = Task.Run(RebuildLoopAsync, CancellationToken.None);
    }

    private async Task RebuildLoopAsync()
    {
        var token = _stopping.Token;
        while (await _changes.Reader.WaitToReadAsync(token))
        {
            // Wait until the inputs have been quiet for the debounce interval: one save is often several events.
            var changed = Drain();
            while (true)
            {
                await Task.Delay(_options.Debounce, token);
                var more = Drain();
                if (more.Count == 0)
                {
                    break;
                }

                changed.UnionWith(more);
            }

            if (Verbose)
            {
                _out.WriteLine($"changed: {string.Join(", ", changed.Order(StringComparer.Ordinal).Select(p => Path.GetRelativePath(_options.Paths.Root, p)))}");
            }

            await RebuildAsync(initial: false);
        }
    }

    private HashSet<string> Drain()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        while (_changes.Reader.TryRead(out var path))
        {
            paths.Add(path);
        }

        return paths;
    }

    private async Task RebuildAsync(bool initial)
    {
        var stopwatch = Stopwatch.StartNew();
        SiteBuild? build = null;
        string? crash = null;
        try
        {
            build = await Task.Run(_build);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A file caught mid-save, for instance; the next change event rebuilds again.
            crash = ex.Message;
        }

        if (build is not null)
        {
            DiagnosticPrinter.Print(build.Diagnostics, _err, Verbose, colour: false);
        }

        if (build is null || build.HasErrors)
        {
            var messages = crash is not null
                ? [$"error: {crash}"]
                : build!.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();
            Volatile.Write(ref _failure, messages);
            _err.WriteLine(initial
                ? "build failed; serving nothing until it is fixed (watching for changes)"
                : "build failed; still serving the last good site");
            _hub.Broadcast("build-error", ErrorData(messages));
            return;
        }

        var basePath = SiteConfigParser.NormaliseBasePath(_options.Arguments.Get("base-path") ?? build.Config.Site.BasePath);
        var version = Interlocked.Increment(ref _builds);
        var previous = Site;
        Volatile.Write(ref _site, new SiteFiles(build.Files, basePath, version));
        if (!initial && basePath != previous.BasePath && Url.Length > 0)
        {
            Url = new Uri(new Uri(Url), basePath).ToString();
            _out.WriteLine($"the base path is now {basePath}: serving {Url}");
        }

        Volatile.Write(ref _failure, null);
        if (!Quiet)
        {
            var pages = build.Pages;
            var seconds = stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            _out.WriteLine($"{(initial ? "built" : "rebuilt")}: {build.Articles.Count} articles, {build.Timeline.Events.Count} events, {pages} pages in {seconds} s");
        }

        _hub.Broadcast("reload", version.ToString(CultureInfo.InvariantCulture));
    }

    private static string ErrorData(IReadOnlyList<string> messages) =>
        new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => JsonValue.Create(m))]) }.ToJsonString(JsonOptions.Compact);

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        var path = request.Path.Value is { Length: > 0 } value ? value : "/";
        if (path == LiveReloadHub.EventsPath)
        {
            var greeting = new List<string> { LiveReloadHub.Format("hello", Site.Version.ToString(CultureInfo.InvariantCulture)) };
            if (Failure is { } failure)
            {
                greeting.Add(LiveReloadHub.Format("build-error", ErrorData(failure)));
            }

            await _hub.ServeAsync(http, greeting, _stopping.Token);
            return;
        }

        if (path == LiveReloadInjector.ScriptPath)
        {
            await SendAsync(http, StatusCodes.Status200OK, ContentTypes.For(path), ReloadScript);
            return;
        }

        var site = Site;
        var basePath = site.BasePath;
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == basePath)
            {
                Redirect(http, basePath);
                return;
            }

            var page = Message("Not under the base path", $"This site is served under {basePath}; {path} is outside it.", basePath);
            await SendAsync(http, StatusCodes.Status404NotFound, ContentTypes.For(".html"), page);
            return;
        }

        var relative = path[basePath.Length..];
        if (site.IsDirectory(relative))
        {
            Redirect(http, path + "/");
            return;
        }

        var file = site.Find(relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
        if (file is not null)
        {
            await SendFileAsync(http, StatusCodes.Status200OK, file);
        }
        else if (site.Find("404.html") is { } notFound)
        {
            await SendFileAsync(http, StatusCodes.Status404NotFound, notFound);
        }
        else if (site.IsEmpty)
        {
            var page = Message("No site yet", "The first build failed; fix the errors shown in the terminal and this page reloads.", basePath);
            await SendAsync(http, StatusCodes.Status503ServiceUnavailable, ContentTypes.For(".html"), page);
        }
        else
        {
            await SendAsync(http, StatusCodes.Status404NotFound, ContentTypes.For(".html"), Message("Not found", $"{path} is not part of the site.", basePath));
        }
    }

    private static Task SendFileAsync(HttpContext http, int status, OutputFile file)
    {
        var isHtml = file.Path.EndsWith(".html", StringComparison.Ordinal) || file.Path.EndsWith(".htm", StringComparison.Ordinal);
        return SendAsync(http, status, ContentTypes.For(file.Path), isHtml ? LiveReloadInjector.Inject(file.Content) : file.Content);
    }

    private static async Task SendAsync(HttpContext http, int status, string contentType, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    private static void Redirect(HttpContext http, string path)
    {
        // Location must be ASCII: article paths may be Chinese, so escape them.
        http.Response.StatusCode = StatusCodes.Status302Found;
        http.Response.Headers.Location = new PathString(path).ToUriComponent() + http.Request.QueryString.ToUriComponent();
    }

    /// <summary>The server's own small page (outside the base path, no site yet), with the reload script.</summary>
    private static byte[] Message(string title, string message, string href)
    {
        var html = MessagePage
            .Replace("{title}", WebUtility.HtmlEncode(title), StringComparison.Ordinal)
            .Replace("{message}", WebUtility.HtmlEncode(message), StringComparison.Ordinal)
            .Replace("{href}", WebUtility.HtmlEncode(href), StringComparison.Ordinal);
        return LiveReloadInjector.Inject(Encoding.UTF8.GetBytes(html));
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream($"HetaoSite.Cli.Serving.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>A host lifetime that ignores Ctrl+C: <c>serve</c> handles it and disposes the server itself.</summary>
    private sealed class QuietHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
