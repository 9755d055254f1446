using HetaoSite.Core.Evaluation;

namespace HetaoSite.Core.Tests.Evaluation;

public class GoldParserTests
{
    private const string Valid = """
        file: d07_xinhua_quantum.txt
        published: 2024-08-08
        published_where: "dateline, line 2"
        script: Hant
        events:
          - date: 2024-06
            key: 深圳園區發展規劃
            title: 國務院印發深圳園區發展規劃
          - date: 2025-12-22
            key: 將於12月22日開園
            title: 香港園區開園
            planned: true
        non_events:
          - key: 記者跟隨採訪團
            why: reporters' activity
        """;

    [Fact]
    public void A_gold_file_is_read_with_its_events_and_non_events()
    {
        var result = GoldParser.Parse(Valid, "g.yml");

        Assert.Empty(result.Diagnostics);
        var gold = result.Value!;
        Assert.Equal(("d07_xinhua_quantum.txt", "2024-08-08", "Hant"), (gold.FileName, gold.Published, gold.Script));
        Assert.Equal(
            [new GoldEvent("2024-06", "深圳園區發展規劃", "國務院印發深圳園區發展規劃", false, 6), new GoldEvent("2025-12-22", "將於12月22日開園", "香港園區開園", true, 9)],
            gold.Events);
        Assert.Equal(new GoldNonEvent("記者跟隨採訪團", "reporters' activity", 14), Assert.Single(gold.NonEvents));
    }

    [Fact]
    public void Empty_lists_are_allowed()
    {
        var result = GoldParser.Parse("file: a.txt\npublished: 2024\nscript: Hans\nevents: []\nnon_events: []\n", "a.yml");

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Value!.Events);
    }

    [Theory]
    [InlineData("file: a.txt\npublished: 2024-13\nscript: Hans\n", 2, "published '2024-13' is not YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("file: a.txt\npublished: 2024\nscript: Hans\nevents:\n  - date: 2024-06\n    title: t\n", 5, "'key' is missing or empty")]
    [InlineData("file: a.txt\npublished: 2024\nscript: Hans\nevents:\n  - date: June\n    key: k\n    title: t\n", 5, "event date 'June' is not YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("file: a.txt\npublished: 2024\nscript: zh\n", 3, "script 'zh' is not Hant, Hans or Latn")]
    [InlineData("file: a.txt\npublished: 2024\nscript: Hans\nevents: 2024-06\n", 4, "'events' must be a list")]
    [InlineData("published: 2024\nscript: Hans\n", 1, "'file' is missing or empty")]
    [InlineData("file: a.txt\npublished: 2024\nscript: Hans\nevents:\n  - date: 2024\n    key: k\n    title: t\n    planned: maybe\n", 8, "planned 'maybe' is neither true nor false")]
    public void A_malformed_gold_file_is_an_error_naming_the_file_and_line(string yaml, int line, string message)
    {
        var result = GoldParser.Parse(yaml, "g.yml");

        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("g.yml", line, message), (error.File, error.Line, error.Message));
    }

    [Fact]
    public void Broken_yaml_is_an_error_with_its_line()
    {
        var result = GoldParser.Parse("file: a.txt\nevents:\n  - date: 2024\n   key: [\n", "g.yml");

        Assert.Null(result.Value);
        Assert.All(result.Diagnostics, d => Assert.Equal("g.yml", d.File));
        Assert.NotNull(Assert.Single(result.Diagnostics).Line);
    }
}
