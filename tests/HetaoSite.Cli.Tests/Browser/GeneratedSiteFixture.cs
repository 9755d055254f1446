using HetaoSite.Bench;
using HetaoSite.Cli.Tests.TestSupport;
using HetaoSite.Core;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Writing;
using Microsoft.Playwright;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>
/// A generated site of <see cref="Articles"/> articles (bench/CorpusGenerator, the benchmark's corpus) built once per test
/// run in-process with the repository's templates and the real OpenCC, served gzip-compressed as GitHub Pages serves it,
/// and the system Chromium: for what only shows at size, such as the bytes a search costs.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync")]
public sealed class GeneratedSiteFixture : IAsyncLifetime
{
    public const int Articles = 1000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hetao-generated-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private StaticServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The built site's folder.</summary>
    public string Output => Path.Combine(_folder, "_site");

    public string Url(string path) => _server!.Origin + SiteFixture.BasePath + path.TrimStart('/');

    public async Task InitializeAsync()
    {
        Build();
        _server = new StaticServer(Output, SiteFixture.BasePath, gzip: true);
        _playwright = await Playwright.CreateAsync();
        Browser = await SiteFixture.LaunchChromiumAsync(_playwright);
    }

    public Task DisposeAsync() => SiteFixture.DisposeAsync(Browser, _playwright, _server, _folder);

    private void Build()
    {
        var seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(seeds);
        var config = Path.Combine(_folder, "site-config.yml");
        File.WriteAllText(config, ArticleGenerator.SiteConfig);
        for (var i = 0; i < Articles; i++)
        {
            var article = ArticleGenerator.Generate(i, Density.Seeds);
            File.WriteAllText(Path.Combine(seeds, article.FileName), article.Source);
        }

        var source = SiteSourceReader.Read(config, seeds, Path.Combine(TempSite.RepositoryRoot, "templates"));
        var converter = ScriptConverters.Default
            ?? throw new InvalidOperationException("OpenCC (libopencc1.1) is missing: the generated site is searched in both scripts, which needs it. Run ./test.sh, which installs it.");
        var build = SiteBuilder.Build(source, new BuildContext(new DateOnly(2025, 6, 30), converter, BasePathOverride: SiteFixture.BasePath));
        if (build.HasErrors)
        {
            throw new InvalidOperationException("the generated site failed to build:\n" + string.Join("\n", build.Diagnostics.Take(20)));
        }

        SiteWriter.Write(build.Files, Output);
    }
}
