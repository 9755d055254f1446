using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Configuration;

public class SiteConfigParserTests
{
    [Fact]
    public void Empty_config_gives_the_defaults()
    {
        var result = SiteConfigParser.Parse(string.Empty);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(SiteConfig.Default.Window, result.Value.Window);
        Assert.Equal("/", result.Value.Site.BasePath);
        Assert.Equal(8, result.Value.Categories.Count);
    }

    [Fact]
    public void Reads_site_window_article_overrides_and_editorial_sections()
    {
        const string yaml = """
            site:
              title: T
              base_path: hetao-site
              base_url: https://o.github.io/hetao-site
              default_script: zh-Hans
              order: newest_first
            window: { from: 2018, to: 2024 }
            articles:
              002_a.txt:
                published: 2023-01
                outlet: 羊城晚報
                corrections:
                  - find: "!兑(guī)劃》"
                    replace: "《規劃》"
            events:
              exclude: [e2020-aaaa]
              corrections:
                - id: e2021-bbbb
                  date: 2021-05
              merge:
                - into: e2022-cccc
                  from: [e2022-dddd]
              add:
                - date: 2017-01-03
                  title: 深港簽署合作備忘錄
                  category: policy
                  source: { file: 002_a.txt, sentence: 自2017年深港兩地政府決定 }
            """;
        var result = SiteConfigParser.Parse(yaml);
        Assert.Empty(result.Diagnostics);
        var config = result.Value;
        Assert.Equal("/hetao-site/", config.Site.BasePath);
        Assert.Equal("https://o.github.io/hetao-site/", config.Site.BaseUrl);
        Assert.Equal(Script.Hans, config.Site.DefaultScript);
        Assert.True(config.Site.NewestFirst);
        Assert.Equal(new TimelineWindow(2018, 2024), config.Window);
        var article = config.OverrideFor("002_a.txt")!;
        Assert.Equal("2023-01", article.Published.ToString());
        Assert.Equal("《規劃》", Assert.Single(article.Corrections).Replace);
        Assert.Equal(["e2020-aaaa"], config.Editorial.Exclude);
        Assert.Equal("2021-05", config.Editorial.Corrections[0].Date.ToString());
        Assert.Equal(["e2022-dddd"], config.Editorial.Merges[0].From);
        Assert.Equal("002_a.txt", Assert.Single(config.Editorial.Manual).File);
    }

    [Fact]
    public void Bad_values_are_errors_with_the_line_and_unknown_keys_are_warnings()
    {
        const string yaml = "site:\n  titel: x\narticles:\n  a.txt:\n    published: 2024-13-45\n";
        var result = SiteConfigParser.Parse(yaml);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(5, error.Line);
        Assert.Contains("2024-13-45", error.Message, StringComparison.Ordinal);
        var warning = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Warning);
        Assert.Equal("HS0004", warning.Code);
        Assert.Equal(2, warning.Line);
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("repo", "/repo/")]
    [InlineData("/repo", "/repo/")]
    [InlineData("/a/b/", "/a/b/")]
    public void Base_paths_are_normalised(string input, string expected) =>
        Assert.Equal(expected, SiteConfigParser.NormaliseBasePath(input));
}
