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

    [Fact]
    public void The_zone_gazetteer_is_read_in_both_scripts_and_matches_either()
    {
        const string yaml = "zone:\n  names: [河套深港科技創新合作區, Hetao]\n  parks:\n    - 港深創新及科技園\n  places: [福田保稅區]\n";
        var result = SiteConfigParser.Parse(yaml);
        Assert.Empty(result.Diagnostics);
        var zone = result.Value.Zone!;
        Assert.Equal(["港深創新及科技園"], zone.Parks);
        Assert.NotNull(zone.FindIn("一家公司落户福田保税区。"));
        Assert.NotNull(zone.FindIn("The Hetao park opened."));
        Assert.Null(zone.FindIn("一家公司落户前海。"));
    }

    [Fact]
    public void Without_a_zone_section_relevance_filtering_is_off() =>
        Assert.Null(SiteConfigParser.Parse("site:\n  title: x\n").Value.Zone);

    [Fact]
    public void Bad_zone_entries_and_keep_ids_are_errors_with_their_line_and_unknown_zone_keys_warnings()
    {
        const string yaml = "zone:\n  names:\n    - 河套\n    - 河\n  rivers: [深圳河]\nevents:\n  keep:\n    - e2024-3f9a1c2b7d\n    - not-an-id\n";
        var result = SiteConfigParser.Parse(yaml);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal([4, 9], errors.Select(e => e.Line).Order());
        Assert.Contains(result.Diagnostics, d => d is { Code: "HS0004", Line: 5 });
        Assert.Equal(["e2024-3f9a1c2b7d"], result.Value.Editorial.KeepIds);
        Assert.Equal(["河套"], result.Value.Zone!.Names);
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
