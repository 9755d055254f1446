using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// Applies the maintainers' editorial decisions from <c>site-config.yml</c> (<c>events:</c>) in a fixed order — merge,
/// correct, exclude, add — then marks milestones (<see cref="MilestoneRule"/>, or a correction's <c>milestone:</c>), and reports every override that no longer matches an event, so stale config never lingers.
/// </summary>
public static class EditorialRules
{
    private const string ConfigFile = "site-config.yml";

    public static StageResult<IReadOnlyList<TimelineEvent>> Apply(
        IReadOnlyList<TimelineEvent> events, EditorialOptions editorial, IReadOnlyList<ArticleExtraction> articles, IReadOnlyList<CategoryRule> categories)
    {
        var diagnostics = new List<Diagnostic>();
        var byId = events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var order = events.Select(e => e.Id).ToList();

        foreach (var merge in editorial.Merges)
        {
            if (!byId.TryGetValue(merge.Into, out var into))
            {
                diagnostics.Add(Stale($"events.merge: no event with id '{merge.Into}'", merge.Line));
                continue;
            }

            foreach (var id in merge.From)
            {
                if (!byId.Remove(id, out var from))
                {
                    diagnostics.Add(Stale($"events.merge: no event with id '{id}' to merge into '{merge.Into}'", merge.Line));
                    continue;
                }

                into = into with { Sources = into.Sources.Concat(from.Sources).DistinctBy(s => (s.ArticleId, s.Anchor)).ToList(), Planned = into.Planned && from.Planned };
            }

            byId[merge.Into] = into;
        }

        foreach (var correction in editorial.Corrections)
        {
            if (!byId.TryGetValue(correction.Id, out var target))
            {
                diagnostics.Add(Stale($"events.corrections: no event with id '{correction.Id}'", correction.Line));
                continue;
            }

            if (correction.Category is { } category && categories.All(c => c.Id != category))
            {
                diagnostics.Add(Diagnostic.Error("HS0504", $"events.corrections: unknown category '{category}'", ConfigFile, correction.Line,
                    $"use one of: {string.Join(", ", categories.Select(c => c.Id))}"));
            }

            byId[correction.Id] = target with
            {
                Date = correction.Date ?? target.Date,
                End = correction.Date is null ? target.End : null,
                Title = correction.Title ?? target.Title,
                TitleScript = correction.Title is null ? target.TitleScript : null,
                Category = correction.Category ?? target.Category,
                Approximate = correction.Date is null && target.Approximate,
            };
        }

        foreach (var id in editorial.Exclude)
        {
            if (!byId.Remove(id))
            {
                diagnostics.Add(Stale($"events.exclude: no event with id '{id}'", null));
            }
        }

        var result = order.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        foreach (var manual in editorial.Manual)
        {
            var article = articles.FirstOrDefault(a => a.Article.FileName == manual.File);
            if (article is null)
            {
                diagnostics.Add(Diagnostic.Error("HS0503", $"events.add: cited file '{manual.File}' is not an article of this site", ConfigFile, manual.Line));
                continue;
            }

            var sentence = article.Sentences.FirstOrDefault(s => s.Text.Contains(manual.Sentence, StringComparison.Ordinal));
            if (sentence is null)
            {
                diagnostics.Add(Diagnostic.Error("HS0503", $"events.add: the cited sentence is not in {manual.File}", ConfigFile, manual.Line,
                    "quote the sentence exactly as it appears in the cleaned article"));
                continue;
            }

            result.Add(new TimelineEvent(EventIds.ForManual(manual.Date, manual.Title), manual.Date, manual.End, manual.Title, manual.Category,
                manual.Date.FirstDay > article.Article.Published?.LastDay, false,
                [new EventSource(manual.File, article.Article.Id, sentence.Text, manual.Sentence, sentence.Anchor)], Manual: true));
        }

        var milestones = editorial.Corrections.Where(c => c.Milestone is not null)
            .GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Milestone!.Value, StringComparer.Ordinal);
        result = [.. result.Select(e => e with { Milestone = milestones.TryGetValue(e.Id, out var marked) ? marked : MilestoneRule.Matches(e.Title, e.Planned) })];
        return new StageResult<IReadOnlyList<TimelineEvent>>(result, diagnostics);
    }

    private static Diagnostic Stale(string message, int? line) =>
        Diagnostic.Warning("HS0502", $"{message} (the override matches nothing any more)", ConfigFile, line,
            "remove it, or update the id from data/events.json");
}
