using System.Text.Json.Nodes;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The data-quality report: per article, dates found, kept, dropped and why, and events known only to the year or month.
/// Shown on the About page and written to <c>data/report.json</c>.
/// </summary>
public static class BuildReport
{
    public sealed record ArticleLine(string File, string ArticleId, int Found, int Kept, IReadOnlyDictionary<string, int> Dropped, int YearOnly, int MonthOnly);

    public static IReadOnlyList<ArticleLine> Lines(SiteContent content) => Lines(content.Articles, content.Timeline);

    public static IReadOnlyList<ArticleLine> Lines(IReadOnlyList<ArticleExtraction> articles, SiteTimeline timeline)
    {
        var eventsByArticle = timeline.Events
            .SelectMany(e => e.Sources.Select(s => (s.ArticleId, Event: e)))
            .ToLookup(x => x.ArticleId, x => x.Event);
        return articles.Select(a =>
        {
            var events = eventsByArticle[a.Article.Id].Distinct().ToList();
            var dropped = a.Dropped.GroupBy(d => Name(d.Reason)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new ArticleLine(a.Article.FileName, a.Article.Id, a.DatesFound, a.Statements.Count, dropped,
                events.Count(e => e.Precision == DatePrecision.Year), events.Count(e => e.Precision == DatePrecision.Month));
        }).ToList();
    }

    public static JsonObject ToJson(SiteContent content)
    {
        var articles = new JsonArray();
        foreach (var line in Lines(content))
        {
            articles.Add(new JsonObject
            {
                ["file"] = line.File,
                ["article"] = line.ArticleId,
                ["dates_found"] = line.Found,
                ["kept"] = line.Kept,
                ["dropped"] = new JsonObject(line.Dropped.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["events_year_only"] = line.YearOnly,
                ["events_month_only"] = line.MonthOnly,
            });
        }

        return new JsonObject
        {
            ["articles"] = articles,
            ["events"] = content.Timeline.Events.Count,
            ["figures"] = content.Timeline.Figures.Count,
            ["notes"] = new JsonArray(content.Timeline.Diagnostics.Select(d => (JsonNode)JsonValue.Create(d.ToString())).ToArray()),
        };
    }

    /// <summary>"dates: 120 found, 28 kept, 92 dropped (caption 5, duration 20, …)" — the console's one-line summary.</summary>
    public static string Summary(IReadOnlyList<ArticleLine> lines)
    {
        var dropped = lines.SelectMany(l => l.Dropped).GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(g => (Reason: g.Key, Count: g.Sum(kv => kv.Value))).OrderByDescending(x => x.Count).ThenBy(x => x.Reason, StringComparer.Ordinal).ToList();
        var detail = dropped.Count == 0 ? string.Empty : " (" + string.Join(", ", dropped.Select(d => $"{d.Reason.Replace('_', ' ')} {d.Count}")) + ")";
        return $"dates: {lines.Sum(l => l.Found)} found, {lines.Sum(l => l.Kept)} kept, {dropped.Sum(d => d.Count)} dropped{detail}; " +
            $"{lines.Sum(l => l.YearOnly)} events known only to the year, {lines.Sum(l => l.MonthOnly)} to the month";
    }

    /// <summary>One article's line of the console report.</summary>
    public static string Describe(ArticleLine line) =>
        $"  {line.File}: {line.Found} found, {line.Kept} kept" + (line.Dropped.Count == 0 ? string.Empty
            : "; dropped " + string.Join(", ", line.Dropped.Select(kv => $"{kv.Key.Replace('_', ' ')} {kv.Value}")));

    /// <summary>DropReason.OutOfWindow → "out_of_window".</summary>
    public static string Name(DropReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
