using System.Text.Json.Nodes;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The machine-readable outputs under <c>data/</c>: <c>events.json</c> (the interface contract), <c>articles.json</c>,
/// <c>figures.json</c> and <c>report.json</c>. Deterministic: same inputs, same bytes.
/// </summary>
public static class DataFiles
{
    /// <summary>The four files, built side by side (each is a few seconds of work on ten thousand articles).</summary>
    public static IReadOnlyList<OutputFile> Render(SiteContent content) =>
        new (string Path, Func<JsonNode> Build)[]
        {
            ("data/events.json", () => Events(content.Timeline.Events)),
            ("data/articles.json", () => Articles(content.Articles)),
            ("data/figures.json", () => Figures(content.Timeline.Figures)),
            ("data/report.json", () => BuildReport.ToJson(content)),
        }
        .AsParallel().AsOrdered()
        .Select(file => new OutputFile(file.Path, JsonOutput.ToBytes(file.Build())))
        .ToList();

    /// <summary><c>{"events":[{"id","date","precision","end"?,"title","category","planned","sources":[{"file","sentence","expression"}]}]}</c>.</summary>
    public static JsonObject Events(IReadOnlyList<TimelineEvent> events)
    {
        var array = new JsonArray();
        foreach (var e in events)
        {
            var item = new JsonObject
            {
                ["id"] = e.Id,
                ["date"] = e.Date.ToString(),
                ["precision"] = Precision(e.Date.Precision),
            };
            if (e.End is { } end)
            {
                item["end"] = end.ToString();
            }

            item["title"] = e.Title;
            item["category"] = e.Category;
            item["planned"] = e.Planned;
            item["approximate"] = e.Approximate;
            item["sources"] = new JsonArray(e.Sources.Select(s => (JsonNode)new JsonObject
            {
                ["file"] = s.File,
                ["sentence"] = s.Sentence,
                ["expression"] = s.Expression,
                ["article"] = s.ArticleId,
                ["anchor"] = s.Anchor,
            }).ToArray());
            array.Add(item);
        }

        return new JsonObject { ["events"] = array };
    }

    public static JsonObject Articles(IReadOnlyList<ArticleExtraction> articles)
    {
        var array = new JsonArray();
        foreach (var a in articles.Select(x => x.Article))
        {
            array.Add(new JsonObject
            {
                ["id"] = a.Id,
                ["file"] = a.FileName,
                ["title"] = a.Title,
                ["outlet"] = a.Outlet,
                ["url"] = a.Url,
                ["published"] = a.Published.ToString(),
                ["precision"] = Precision(a.Published.Precision),
                ["date_source"] = DateSource(a.DateSource),
                ["language"] = a.Language,
                ["script"] = a.Script == Script.Hans ? "zh-Hans" : a.Script == Script.Hant ? "zh-Hant" : "Latn",
                ["encoding"] = a.Encoding,
                ["format"] = a.Format.ToString().ToLowerInvariant(),
                ["characters"] = a.CharacterCount,
                ["tags"] = new JsonArray(a.Tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
                ["cleaning"] = new JsonObject
                {
                    ["annotations_removed"] = a.Stats.AnnotationsRemoved,
                    ["boilerplate_removed"] = a.Stats.BoilerplateRemoved,
                    ["captions"] = a.Stats.Captions,
                    ["duplicates"] = a.Stats.Duplicates,
                    ["garbled_fragments"] = a.Stats.GarbledFragments,
                    ["corrections_applied"] = a.Stats.CorrectionsApplied,
                },
            });
        }

        return new JsonObject { ["articles"] = array };
    }

    public static JsonObject Figures(IReadOnlyList<KeyFigure> figures) => new()
    {
        ["figures"] = new JsonArray(figures.Select(f => (JsonNode)new JsonObject
        {
            ["date"] = f.Date.ToString(),
            ["precision"] = Precision(f.Date.Precision),
            ["expression"] = f.Expression,
            ["sentence"] = f.Sentence,
            ["file"] = f.FileName,
            ["article"] = f.ArticleId,
            ["anchor"] = f.Anchor,
        }).ToArray()),
    };

    public static string Precision(DatePrecision precision) => precision.ToString().ToLowerInvariant();

    /// <summary>front_matter, html_meta, byline, dateline or config.</summary>
    public static string DateSource(MetadataOrigin origin) => origin switch
    {
        MetadataOrigin.FrontMatter => "front_matter",
        MetadataOrigin.HtmlMeta => "html_meta",
        MetadataOrigin.Byline => "byline",
        MetadataOrigin.Dateline => "dateline",
        _ => "config",
    };
}
