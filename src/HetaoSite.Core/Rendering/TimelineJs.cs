using System.Net;
using System.Text.Json;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>data/timelinejs.json</c> in TimelineJS3's format: a title slide and one slide per event with
/// <c>start_date</c>/<c>end_date</c> ({year, month?, day?}), <c>display_date</c>, <c>text</c> {headline, text (HTML)},
/// <c>group</c> (category name), <c>unique_id</c> (event id) and, when an article stating it has an image, <c>media</c>
/// {url (absolute), caption, credit, alt} of the first such. Text is in the default script.
/// </summary>
public static class TimelineJs
{
    private static readonly JsonEncodedText StartDate = JsonOutput.Name("start_date");
    private static readonly JsonEncodedText EndDate = JsonOutput.Name("end_date");
    private static readonly JsonEncodedText DisplayDate = JsonOutput.Name("display_date");
    private static readonly JsonEncodedText Text = JsonOutput.Name("text");
    private static readonly JsonEncodedText Headline = JsonOutput.Name("headline");
    private static readonly JsonEncodedText Group = JsonOutput.Name("group");
    private static readonly JsonEncodedText UniqueId = JsonOutput.Name("unique_id");
    private static readonly JsonEncodedText Year = JsonOutput.Name("year");
    private static readonly JsonEncodedText Month = JsonOutput.Name("month");
    private static readonly JsonEncodedText Day = JsonOutput.Name("day");
    private static readonly JsonEncodedText Media = JsonOutput.Name("media");
    private static readonly JsonEncodedText Url = JsonOutput.Name("url");
    private static readonly JsonEncodedText Caption = JsonOutput.Name("caption");
    private static readonly JsonEncodedText Credit = JsonOutput.Name("credit");
    private static readonly JsonEncodedText Alt = JsonOutput.Name("alt");

    /// <summary>The file as indented UTF-8 JSON, written straight from the timeline in parallel pieces (<see cref="JsonPieces"/>).</summary>
    public static byte[] ToBytes(SiteContent content, Rendition rendition)
    {
        var groups = GroupNames(content, rendition.Script);
        var scripts = new Dictionary<string, Script>(content.Articles.Count, StringComparer.Ordinal);
        var images = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in content.Articles)
        {
            scripts.TryAdd(article.Article.Id, article.Article.Script);
            if (article.Article.Image is not null)
            {
                images.TryAdd(article.Article.Id, article.Article);
            }
        }

        var urls = new SiteUrls("/", content.Config.Site.BaseUrl, rendition);

        return JsonPieces.WriteArray(content.Timeline.Events, indented: true, 400, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("title");
            json.WriteStartObject(Text);
            json.WriteString(Headline, rendition.Authored(content.Config.Site.Title));
            json.WriteString(Text, WebUtility.HtmlEncode(rendition.Authored(content.Config.Site.Description)));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("events");
        }, (json, e) => WriteSlide(json, e, rendition, groups, scripts, images, urls), json => json.WriteEndObject());
    }

    private static void WriteSlide(Utf8JsonWriter json, TimelineEvent e, Rendition rendition, Dictionary<string, string> groups,
        Dictionary<string, Script> scripts, Dictionary<string, Article> images, SiteUrls urls)
    {
        json.WriteStartObject();
        WriteDate(json, StartDate, e.Date);
        if (e.End is { } end)
        {
            WriteDate(json, EndDate, end);
        }

        json.WriteString(DisplayDate, DateDisplay.Format(e.Date, e.End));
        json.WriteStartObject(Text);
        json.WriteString(Headline, rendition.Title(e));

        // TimelineJS shows text.text as HTML, so the quoted sentence is encoded.
        json.WriteString(Text, e.Sources.Count > 0 ? WebUtility.HtmlEncode(Sentence(e.Sources[0], rendition, scripts)) : string.Empty);
        json.WriteEndObject();
        json.WriteString(Group, groups[e.Category]);
        json.WriteString(UniqueId, e.Id);
        if (FirstIllustrated(e, images) is { Image: { } image } article)
        {
            json.WriteStartObject(Media);
            json.WriteString(Url, ImageLinks.AbsoluteUrl(image, urls));
            json.WriteString(Caption, image.Caption is null ? string.Empty : rendition.Text(image.Caption, article.Script));
            json.WriteString(Credit, image.Credit is null ? string.Empty : rendition.Text(image.Credit, article.Script));
            json.WriteString(Alt, image.Alt is null ? string.Empty : rendition.Text(image.Alt, article.Script));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The first of the event's sources' articles that has an image; null when none has.</summary>
    private static Article? FirstIllustrated(TimelineEvent e, Dictionary<string, Article> images)
    {
        foreach (var source in e.Sources)
        {
            if (images.TryGetValue(source.ArticleId, out var article))
            {
                return article;
            }
        }

        return null;
    }

    /// <summary>A source's sentence in its article's script, converted when the rendering is of the other.</summary>
    private static string Sentence(EventSource source, Rendition rendition, Dictionary<string, Script> scripts) =>
        scripts.TryGetValue(source.ArticleId, out var written) ? rendition.Text(source.Sentence, written) : rendition.Authored(source.Sentence);

    /// <summary>
    /// Category id → name in <paramref name="script"/>, as <see cref="SiteFacts.CategoryName"/> gives it (the last rule of
    /// an id wins), without building all of SiteFacts. Every id an event uses is among <see cref="SiteFacts.CategoriesOf"/>.
    /// </summary>
    private static Dictionary<string, string> GroupNames(SiteContent content, Script script)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in SiteFacts.CategoriesOf(content))
        {
            names[rule.Id] = script == Script.Hans ? rule.NameHans : rule.Name;
        }

        return names;
    }

    private static void WriteDate(Utf8JsonWriter json, JsonEncodedText name, PartialDate date)
    {
        json.WriteStartObject(name);
        json.WriteNumber(Year, date.Year);
        if (date.Month is { } month)
        {
            json.WriteNumber(Month, month);
        }

        if (date.Day is { } day)
        {
            json.WriteNumber(Day, day);
        }

        json.WriteEndObject();
    }
}
