using System.Net;
using System.Text.Json;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Evaluation;

/// <summary>The least a set of articles with gold (tests/DevSet, tests/HoldOut) must score under <c>hetao eval</c>.</summary>
public sealed record Thresholds(double Recall, double Precision, double PublicationDates, int TitleFaults, double QuotationsExact);

/// <summary>An evaluation set in the repository (articles/ and gold/): scoring it against thresholds, and checking its gold.</summary>
public static class EvaluationSet
{
    public static string Path(string name) => System.IO.Path.Combine(TempSite.RepositoryRoot, "tests", name);

    public static string Config => System.IO.Path.Combine(TempSite.RepositoryRoot, "site-config.yml");

    /// <summary>Runs <c>eval --json</c> on the set and asserts every score against <paramref name="least"/>, naming all scores on failure.</summary>
    public static void AssertMeets(string set, Thresholds least)
    {
        var run = CliRun.Of("eval", "--set", set, "--config", Config, "--json");
        Assert.True(run.ExitCode == 0, $"expected exit 0, got {run}");
        using var json = JsonDocument.Parse(run.Stdout);
        var score = json.RootElement;
        double Ratio(string part, string whole) => (double)score.GetProperty(part).GetInt32() / score.GetProperty(whole).GetInt32();

        var recall = score.GetProperty("Recall").GetDouble();
        var precision = score.GetProperty("Precision").GetDouble();
        var dates = Ratio("PublishedCorrect", "Articles");
        var titleFaults = score.GetProperty("TitleFaults").GetArrayLength();
        var quotations = Ratio("QuotationsExact", "Quotations");
        var summary = $"recall {recall:0.00}, precision {precision:0.00}, publication dates {dates:0.00}, title faults {titleFaults}, quotations {quotations:0.00}"
            + $" (`hetao eval --set {set} --verbose` lists the cases)";

        Assert.True(recall >= least.Recall, $"expected recall >= {least.Recall}; got {summary}");
        Assert.True(precision >= least.Precision, $"expected precision >= {least.Precision}; got {summary}");
        Assert.True(dates >= least.PublicationDates, $"expected publication-date accuracy >= {least.PublicationDates}; got {summary}");
        Assert.True(titleFaults <= least.TitleFaults, $"expected at most {least.TitleFaults} title faults; got {summary}");
        Assert.True(quotations >= least.QuotationsExact, $"expected quotation exactness >= {least.QuotationsExact}; got {summary}");
    }

    public static TheoryData<string> GoldFiles(string set)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(set, "gold"), "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>A key that is not in its article can never match: the gold would count a miss that no extractor could avoid.</summary>
    public static void AssertKeysAreInArticle(string set, string goldFile)
    {
        var gold = HetaoSite.Core.Evaluation.GoldParser.Parse(File.ReadAllText(System.IO.Path.Combine(set, "gold", goldFile)), goldFile);
        Assert.True(gold.Value is not null, string.Join('\n', gold.Diagnostics));
        Assert.Equal(gold.Value.FileName + ".yml", goldFile);
        var text = ArticleText(File.ReadAllBytes(System.IO.Path.Combine(set, "articles", gold.Value.FileName)));

        var keys = gold.Value.Events.Select(e => (e.Key, e.Line)).Concat(gold.Value.NonEvents.Select(n => (n.Key, n.Line)));
        Assert.All(keys, k => Assert.True(text.Contains(k.Key, StringComparison.Ordinal), $"{goldFile}:{k.Line}: key 「{k.Key}」 is not in {gold.Value.FileName}"));
    }

    /// <summary>The article as a reader of the file sees it: decoded as the build decodes it (UTF-8, GB18030 or Big5), entities resolved.</summary>
    private static string ArticleText(byte[] bytes)
    {
        var decoded = HetaoSite.Core.Loading.TextDecoder.Decode(bytes);
        Assert.True(decoded.Text is not null, $"expected the article to decode, got: {decoded.Problem}");
        return WebUtility.HtmlDecode(decoded.Text);
    }
}
