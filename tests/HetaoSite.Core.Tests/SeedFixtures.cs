using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests;

/// <summary>
/// The five real seed articles, frozen byte for byte under Fixtures/seeds (tests never read the live seeds/ folder),
/// and the two overrides site-config.yml holds for them.
/// </summary>
internal static class SeedFixtures
{
    public const string ConfigYaml = """
        articles:
          002_4b2e64fbf26f5ca3.txt:
            published: 2023-01
            outlet: 羊城晚報
          004_e331704125a7b1c3.txt:
            published: 2022-09-13
            outlet: 大公報
        """;

    public static readonly string[] Names =
    [
        "000_846ccf76e46a1c1b.txt", "001_48f27e469779bebf.txt", "002_4b2e64fbf26f5ca3.txt", "003_564ef79a45113a5f.txt", "004_e331704125a7b1c3.txt",
    ];

    public static SiteConfig Config { get; } = SiteConfigParser.Parse(ConfigYaml).Value;

    public static SourceFile File(string name) =>
        new(name, System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", name)));

    public static (RawArticle Raw, CleanArticle Clean, Article Article, IReadOnlyList<Diagnostic> Diagnostics) Process(string name)
    {
        var articleOverride = Config.OverrideFor(name);
        var raw = ArticleLoader.Load(File(name), Config.Limits);
        Assert.False(raw.HasErrors, string.Join('\n', raw.Diagnostics));
        var clean = TextCleaner.Clean(raw.Value!, Config.Cleaning, articleOverride);
        var article = MetadataResolver.Resolve(clean.Value, articleOverride, Config.Limits);
        Assert.False(article.HasErrors, string.Join('\n', article.Diagnostics));
        return (raw.Value!, clean.Value, article.Value!, [.. raw.Diagnostics, .. clean.Diagnostics, .. article.Diagnostics]);
    }
}
