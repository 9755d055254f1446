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

    public static IReadOnlyList<ArticleLine> Lines(SiteContent content)
    {
        var eventsByArticle = content.Timeline.Events
            .SelectMany(e => e.Sources.Select(s => (s.ArticleId, Event: e)))
            .ToLookup(x => x.ArticleId, x => x.Event);
        return content.Articles.Select(a =>
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

    /// <summary>DropReason.OutOfWindow → "out_of_window".</summary>
    public static string Name(DropReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
