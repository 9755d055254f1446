using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Evaluation;

/// <summary>
/// Scores a build of the development set against its gold (tests/DevSet/README.md). A gold event is found when an
/// event has a source in that article whose sentence contains the gold key and whose date equals the gold date, or
/// refines it because the event also cites another article (去年11月 merged with another report's 2024-11-20); every
/// (event, article) pair that matches no gold event of that article is a false positive.
/// </summary>
public static class DevSetEvaluator
{
    /// <summary>Scores <paramref name="output"/>; titles are checked by the build's own rules (<see cref="TitleFaults"/>).</summary>
    public static DevSetScore Evaluate(DevSetOutput output, IReadOnlyList<GoldArticle> gold)
    {
        var goldByFile = gold.ToDictionary(g => g.FileName, StringComparer.Ordinal);
        var events = output.Events.Where(e => e.Sources.Any(s => goldByFile.ContainsKey(s.FileName))).ToList();

        var built = output.Articles.ToDictionary(a => a.FileName, StringComparer.Ordinal);
        var missed = new List<MissedEvent>();
        foreach (var article in gold)
        {
            foreach (var goldEvent in article.Events)
            {
                var stating = events.Where(e => e.Sources.Any(s => States(s, article.FileName, goldEvent.Key))).ToList();
                if (!stating.Any(e => DateMatches(e, article.FileName, goldEvent.Date)))
                {
                    missed.Add(new MissedEvent(article.FileName, goldEvent.Date, goldEvent.Key, goldEvent.Title, goldEvent.Line,
                        stating.Select(e => e.Date).Distinct().ToList(), Cause(built.GetValueOrDefault(article.FileName), goldEvent.Key)));
                }
            }
        }

        var pairs = 0;
        var falsePositives = new List<FalsePositive>();
        foreach (var e in events)
        {
            foreach (var sources in e.Sources.Where(s => goldByFile.ContainsKey(s.FileName)).GroupBy(s => s.FileName))
            {
                pairs++;
                var article = goldByFile[sources.Key];
                if (!article.Events.Any(g => DateMatches(e, sources.Key, g.Date) && sources.Any(s => s.Sentence.Contains(g.Key, StringComparison.Ordinal))))
                {
                    var sentence = sources.First().Sentence;
                    var nonEvent = article.NonEvents.FirstOrDefault(n => sources.Any(s => s.Sentence.Contains(n.Key, StringComparison.Ordinal)));
                    falsePositives.Add(new FalsePositive(sources.Key, e.Date, sentence, e.Title, nonEvent?.Why));
                }
            }
        }

        var wrongPublished = gold
            .Select(g => (Gold: g, Actual: built.TryGetValue(g.FileName, out var a) ? a.Published : null))
            .Where(x => x.Actual != x.Gold.Published)
            .Select(x => new WrongPublished(x.Gold.FileName, x.Gold.Published, x.Actual))
            .ToList();

        var faults = events
            .Select(e => new FaultyTitle(e.Title, e.Date, e.Sources.First(s => goldByFile.ContainsKey(s.FileName)).FileName,
                TitleFaults.Of(e.Title).Select(f => TitleFaults.Describe(f, e.Title)).ToList()))
            .Where(f => f.Faults.Count > 0)
            .ToList();

        var quotations = events.SelectMany(e => e.Sources)
            .Where(s => goldByFile.ContainsKey(s.FileName))
            .Select(s => (s.FileName, s.Sentence))
            .Distinct()
            .ToList();
        var altered = quotations.SelectMany(q => Altered(q.FileName, q.Sentence, built.GetValueOrDefault(q.FileName))).ToList();

        return new DevSetScore(gold.Sum(g => g.Events.Count), missed, pairs, falsePositives, gold.Count, wrongPublished,
            events.Count, faults, quotations.Count, altered);
    }

    /// <summary>
    /// What does not pair up between the articles and the gold files: an article without gold, a gold file naming an
    /// article that is not there, two gold files for one article.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Unpaired(IReadOnlyList<string> articleFiles, IReadOnlyList<GoldArticle> gold)
    {
        var problems = new List<Diagnostic>();
        var articles = articleFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var g in gold.Where(g => !articles.Contains(g.FileName)))
        {
            problems.Add(Diagnostic.Error(GoldParser.Code, $"gold names '{g.FileName}', which is not among the articles", g.GoldFile, 1));
        }

        foreach (var twice in gold.GroupBy(g => g.FileName, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add(Diagnostic.Error(GoldParser.Code, $"more than one gold file for '{twice.Key}': {string.Join(", ", twice.Select(g => g.GoldFile))}", twice.Last().GoldFile, 1));
        }

        var annotated = gold.Select(g => g.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in articleFiles.Where(f => !annotated.Contains(f)))
        {
            problems.Add(Diagnostic.Error(GoldParser.Code, "article has no gold file", file, hint: $"add gold/{file}.yml"));
        }

        return problems;
    }

    /// <summary>
    /// The event's date is the gold date, or a finer date inside it that the event owes to another article: an
    /// article that gives only the month is not faulted when the timeline rightly took the day from another report.
    /// </summary>
    private static bool DateMatches(BuiltEvent e, string fileName, string goldDate) =>
        e.Date == goldDate
        || (e.Date.StartsWith(goldDate + "-", StringComparison.Ordinal) && e.Sources.Any(s => s.FileName != fileName));

    private static string? Cause(BuiltArticle? article, string key) =>
        article is null ? "article not built"
            : (article.Drops ?? []).FirstOrDefault(d => d.Sentence.Contains(key, StringComparison.Ordinal)) is { } drop ? $"{drop.Reason} [{drop.Expression}]"
            : null;

    private static bool States(BuiltSource source, string fileName, string key) =>
        source.FileName == fileName && source.Sentence.Contains(key, StringComparison.Ordinal);

    private static IEnumerable<AlteredQuotation> Altered(string fileName, string sentence, BuiltArticle? article)
    {
        if (article is null || !article.Text.Contains(sentence, StringComparison.Ordinal))
        {
            yield return new AlteredQuotation(fileName, sentence, "article text");
        }

        if (article?.PageText is not { } page || !page.Contains(sentence, StringComparison.Ordinal))
        {
            yield return new AlteredQuotation(fileName, sentence, "article page");
        }
    }
}
