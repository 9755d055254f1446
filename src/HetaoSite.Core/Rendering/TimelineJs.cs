using System.Net;
using System.Text.Json.Nodes;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>data/timelinejs.json</c> in TimelineJS3's format: a title slide and one slide per event with
/// <c>start_date</c>/<c>end_date</c> ({year, month?, day?}), <c>display_date</c>, <c>text</c> {headline, text (HTML)},
/// <c>group</c> (category name) and <c>unique_id</c> (event id). Text is in the default script.
/// </summary>
public static class TimelineJs
{
    public static JsonObject Build(SiteContent content, Rendition rendition)
    {
        var facts = new SiteFacts(content);
        var events = new JsonArray();
        foreach (var e in content.Timeline.Events)
        {
            var slide = new JsonObject { ["start_date"] = Date(e.Date) };
            if (e.End is { } end)
            {
                slide["end_date"] = Date(end);
            }

            // TimelineJS shows text.text as HTML, so the quoted sentence is encoded.
            var quote = e.Sources.Count > 0 ? WebUtility.HtmlEncode(rendition.Text(e.Sources[0].Sentence)) : string.Empty;
            slide["display_date"] = DateDisplay.Format(e.Date, e.End);
            slide["text"] = new JsonObject { ["headline"] = rendition.Text(e.Title), ["text"] = quote };
            slide["group"] = facts.CategoryName(e.Category, rendition.Script);
            slide["unique_id"] = e.Id;
            events.Add(slide);
        }

        return new JsonObject
        {
            ["title"] = new JsonObject
            {
                ["text"] = new JsonObject
                {
                    ["headline"] = rendition.Text(content.Config.Site.Title),
                    ["text"] = WebUtility.HtmlEncode(rendition.Text(content.Config.Site.Description)),
                },
            },
            ["events"] = events,
        };
    }

    private static JsonObject Date(PartialDate date)
    {
        var result = new JsonObject { ["year"] = date.Year };
        if (date.Month is { } month)
        {
            result["month"] = month;
        }

        if (date.Day is { } day)
        {
            result["day"] = day;
        }

        return result;
    }
}
