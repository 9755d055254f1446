using HetaoSite.Cli.Tests.TestSupport;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Writing;
using HetaoSite.Core;
using Microsoft.Playwright;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>
/// Builds the fixture site (tests/HetaoSite.Cli.Tests/Fixtures/site with the repository's real templates/) in-process
/// with base path /hetao-site/, writes it to a temporary folder, serves it on 127.0.0.1 and starts the system Chromium.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync")]
public sealed class SiteFixture : IAsyncLifetime
{
    public const string BasePath = "/hetao-site/";
    public const string Chromium = "/usr/bin/chromium";

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"hetao-browser-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private StaticServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>How the site was built, for the test output.</summary>
    public string Notes { get; private set; } = string.Empty;

    /// <summary>Paths of the built files, '/'-separated, relative to the site root.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>
    /// Screenshots go beside the test results that ./test.sh collects (<c>TestResults/screenshots/</c> at the repository
    /// root), or to <c>HETAO_SCREENSHOTS</c> when set.
    /// </summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("HETAO_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(TempSite.RepositoryRoot, "TestResults", "screenshots");

    /// <summary>The fixture site folder: site-config.yml and seeds/ (the templates are the repository's).</summary>
    public static string FixtureSite => Path.Combine(TempSite.RepositoryRoot, "tests", "HetaoSite.Cli.Tests", "Fixtures", "site");

    public string Url(string path) => _server!.Origin + BasePath + path.TrimStart('/');

    /// <summary>Where a built file (a path of <see cref="Files"/>) is on disk.</summary>
    public string FilePath(string path) => Path.Combine(_output, path);

    public async Task InitializeAsync()
    {
        Build();
        _server = new StaticServer(_output, BasePath);
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Starts the system Chromium headless, with a clear message when it is missing.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: the browser tests need the system Chromium. Run ./test.sh, which installs it.");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public Task DisposeAsync() => DisposeAsync(Browser, _playwright, _server, _output);

    /// <summary>Closes what a fixture serving a built site started, and deletes the site's folder.</summary>
    internal static async Task DisposeAsync(IBrowser? browser, IPlaywright? playwright, StaticServer? server, string folder)
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The fixture articles must give at least this many events through the real extractor.</summary>
    public const int MinimumEvents = 8;

    private void Build()
    {
        var site = FixtureSite;
        var source = SiteSourceReader.Read(Path.Combine(site, "site-config.yml"), Path.Combine(site, "seeds"), Path.Combine(TempSite.RepositoryRoot, "templates"));
        var converter = ScriptConverters.Default
            ?? throw new InvalidOperationException("OpenCC (libopencc1.1) is missing: the browser tests browse both scripts, which needs it. Run ./test.sh, which installs it.");
        var context = new BuildContext(new DateOnly(2025, 6, 30), converter, BasePathOverride: BasePath);
        var build = SiteBuilder.Build(source, context);
        if (build.HasErrors)
        {
            throw new InvalidOperationException("fixture site failed to build:\n" + string.Join("\n", build.Diagnostics));
        }

        var events = build.Timeline.Events.Count;
        if (events < MinimumEvents)
        {
            throw new InvalidOperationException($"expected the fixture articles to give at least {MinimumEvents} events through the real pipeline, got {events}:\n"
                + string.Join("\n", build.Timeline.Events.Select(e => $"{e.Date} {e.Title}")));
        }

        SiteWriter.Write(build.Files, _output);
        Files = [.. build.Files.Select(f => f.Path)];
        Notes = $"OpenCC converter; the pipeline produced {events} events from {build.Articles.Count} articles";
    }
}
