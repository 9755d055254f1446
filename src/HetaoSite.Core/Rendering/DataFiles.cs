using System.Text.Json;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The machine-readable outputs under <c>data/</c>: <c>events.json</c> (the interface contract), <c>articles.json</c>,
/// <c>figures.json</c> and <c>report.json</c>. Deterministic: same inputs, same bytes. Each is written straight from the
/// records with a <see cref="Utf8JsonWriter"/> (see <see cref="JsonPieces"/>), indented by one space.
/// </summary>
public static class DataFiles
{
    private static readonly JsonEncodedText Id = JsonOutput.Name("id");
    private static readonly JsonEncodedText DateName = JsonOutput.Name("date");
    private static readonly JsonEncodedText PrecisionName = JsonOutput.Name("precision");
    private static readonly JsonEncodedText End = JsonOutput.Name("end");
    private static readonly JsonEncodedText Title = JsonOutput.Name("title");
    private static readonly JsonEncodedText Category = JsonOutput.Name("category");
    private static readonly JsonEncodedText Planned = JsonOutput.Name("planned");
    private static readonly JsonEncodedText Approximate = JsonOutput.Name("approximate");
    private static readonly JsonEncodedText MilestoneName = JsonOutput.Name("milestone");
    private static readonly JsonEncodedText Sources = JsonOutput.Name("sources");
    private static readonly JsonEncodedText File = JsonOutput.Name("file");
    private static readonly JsonEncodedText Sentence = JsonOutput.Name("sentence");
    private static readonly JsonEncodedText Expression = JsonOutput.Name("expression");
    private static readonly JsonEncodedText Article = JsonOutput.Name("article");
    private static readonly JsonEncodedText Anchor = JsonOutput.Name("anchor");
    private static readonly JsonEncodedText Outlet = JsonOutput.Name("outlet");
    private static readonly JsonEncodedText Url = JsonOutput.Name("url");
    private static readonly JsonEncodedText Published = JsonOutput.Name("published");
    private static readonly JsonEncodedText DateSourceName = JsonOutput.Name("date_source");
    private static readonly JsonEncodedText PublishedFrom = JsonOutput.Name("published_from");
    private static readonly JsonEncodedText Undated = JsonOutput.Name("undated");
    private static readonly JsonEncodedText Language = JsonOutput.Name("language");
    private static readonly JsonEncodedText ScriptName = JsonOutput.Name("script");
    private static readonly JsonEncodedText Encoding = JsonOutput.Name("encoding");
    private static readonly JsonEncodedText Format = JsonOutput.Name("format");
    private static readonly JsonEncodedText Characters = JsonOutput.Name("characters");
    private static readonly JsonEncodedText Tags = JsonOutput.Name("tags");
    private static readonly JsonEncodedText Cleaning = JsonOutput.Name("cleaning");
    private static readonly JsonEncodedText AnnotationsRemoved = JsonOutput.Name("annotations_removed");
    private static readonly JsonEncodedText BoilerplateRemoved = JsonOutput.Name("boilerplate_removed");
    private static readonly JsonEncodedText Captions = JsonOutput.Name("captions");
    private static readonly JsonEncodedText Duplicates = JsonOutput.Name("duplicates");
    private static readonly JsonEncodedText GarbledFragments = JsonOutput.Name("garbled_fragments");
    private static readonly JsonEncodedText CorrectionsApplied = JsonOutput.Name("corrections_applied");
    private static readonly JsonEncodedText ImageName = JsonOutput.Name("image");
    private static readonly JsonEncodedText Src = JsonOutput.Name("src");
    private static readonly JsonEncodedText Source = JsonOutput.Name("source");
    private static readonly JsonEncodedText From = JsonOutput.Name("from");
    private static readonly JsonEncodedText Alt = JsonOutput.Name("alt");
    private static readonly JsonEncodedText CaptionName = JsonOutput.Name("caption");
    private static readonly JsonEncodedText Credit = JsonOutput.Name("credit");
    private static readonly JsonEncodedText Width = JsonOutput.Name("width");
    private static readonly JsonEncodedText Height = JsonOutput.Name("height");

    /// <summary>
    /// The four files, one after the other, each written in parallel pieces (<see cref="JsonPieces"/>): one at a time,
    /// the pooled buffers of one serve the next.
    /// </summary>
    public static IReadOnlyList<OutputFile> Render(SiteContent content) => Render(content, BuildReport.Lines(content));

    /// <param name="reportLines">The report's lines (<see cref="BuildReport.Lines(SiteContent)"/>), which the pages show too.</param>
    internal static IReadOnlyList<OutputFile> Render(SiteContent content, IReadOnlyList<BuildReport.ArticleLine> reportLines) =>
    [
        new("data/events.json", Events(content.Timeline.Events)),
        new("data/articles.json", Articles(content.Articles)),
        new("data/figures.json", Figures(content.Timeline.Figures)),
        new("data/report.json", BuildReport.ToBytes(content, reportLines)),
    ];

    /// <summary><c>{"events":[{"id","date","precision","end"?,"title","category","planned","approximate","milestone","sources":[{"file","sentence","expression","article","anchor"}]}]}</c>.</summary>
    public static byte[] Events(IReadOnlyList<TimelineEvent> events) =>
        JsonPieces.WriteArray(events, indented: true, 600, json => Open(json, "events"), WriteEvent, Close);

    /// <summary><c>{"articles":[{"id","file","title","outlet","url","published","precision","date_source","language","script","encoding","format","characters","tags",
    /// "image"?:{"src","source","from","alt","caption","credit","width","height"},"cleaning":{…}}]}</c>; <c>image</c> only for an illustrated article,
    /// <c>src</c> being the copied file's path in the site (or the https URL).</summary>
    public static byte[] Articles(IReadOnlyList<ArticleExtraction> articles) =>
        JsonPieces.WriteArray(articles, indented: true, 800, json => Open(json, "articles"), WriteArticle, Close);

    /// <summary><c>{"figures":[{"date","precision","expression","sentence","file","article","anchor"}]}</c>.</summary>
    public static byte[] Figures(IReadOnlyList<KeyFigure> figures) =>
        JsonPieces.WriteArray(figures, indented: true, 500, json => Open(json, "figures"), WriteFigure, Close);

    private static void Open(Utf8JsonWriter json, string array)
    {
        json.WriteStartObject();
        json.WriteStartArray(array);
    }

    private static void Close(Utf8JsonWriter json) => json.WriteEndObject();

    private static void WriteEvent(Utf8JsonWriter json, TimelineEvent e)
    {
        json.WriteStartObject();
        json.WriteString(Id, e.Id);
        json.WriteString(DateName, e.Date.ToString());
        json.WriteString(PrecisionName, Precision(e.Date.Precision));
        if (e.End is { } end)
        {
            json.WriteString(End, end.ToString());
        }

        json.WriteString(Title, e.Title);
        json.WriteString(Category, e.Category);
        json.WriteBoolean(Planned, e.Planned);
        json.WriteBoolean(Approximate, e.Approximate);
        json.WriteBoolean(MilestoneName, e.Milestone);
        json.WriteStartArray(Sources);
        foreach (var s in e.Sources)
        {
            json.WriteStartObject();
            json.WriteString(File, s.File);
            json.WriteString(Sentence, s.Sentence);
            json.WriteString(Expression, s.Expression);
            json.WriteString(Article, s.ArticleId);
            json.WriteString(Anchor, s.Anchor);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteArticle(Utf8JsonWriter json, ArticleExtraction extraction)
    {
        var a = extraction.Article;
        json.WriteStartObject();
        json.WriteString(Id, a.Id);
        json.WriteString(File, a.FileName);
        json.WriteString(Title, a.Title);
        json.WriteString(Outlet, a.Outlet);
        json.WriteString(Url, a.Url);
        json.WriteString(Published, a.Published?.ToString());
        json.WriteString(PrecisionName, a.Published is { } published ? Precision(published.Precision) : null);
        json.WriteString(DateSourceName, a.IsUndated ? null : DateSource(a.DateSource));
        json.WriteString(PublishedFrom, a.PublishedFrom);
        json.WriteBoolean(Undated, a.IsUndated);
        json.WriteString(Language, a.Language);
        json.WriteString(ScriptName, a.Script == Script.Hans ? "zh-Hans" : a.Script == Script.Hant ? "zh-Hant" : "Latn");
        json.WriteString(Encoding, a.Encoding);
        json.WriteString(Format, FormatName(a.Format));
        json.WriteNumber(Characters, a.CharacterCount);
        json.WriteStartArray(Tags);
        foreach (var tag in a.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        if (a.Image is { } image)
        {
            // Only illustrated articles carry the key, so adding it changed no other article's entry.
            json.WriteStartObject(ImageName);
            json.WriteString(Src, image.OutputPath ?? image.Source);
            json.WriteString(Source, image.Source);
            json.WriteString(From, image.From);
            json.WriteString(Alt, image.Alt);
            json.WriteString(CaptionName, image.Caption);
            json.WriteString(Credit, image.Credit);
            WriteOptionalNumber(json, Width, image.Width);
            WriteOptionalNumber(json, Height, image.Height);
            json.WriteEndObject();
        }

        json.WriteStartObject(Cleaning);
        json.WriteNumber(AnnotationsRemoved, a.Stats.AnnotationsRemoved);
        json.WriteNumber(BoilerplateRemoved, a.Stats.BoilerplateRemoved);
        json.WriteNumber(Captions, a.Stats.Captions);
        json.WriteNumber(Duplicates, a.Stats.Duplicates);
        json.WriteNumber(GarbledFragments, a.Stats.GarbledFragments);
        json.WriteNumber(CorrectionsApplied, a.Stats.CorrectionsApplied);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteFigure(Utf8JsonWriter json, KeyFigure f)
    {
        json.WriteStartObject();
        json.WriteString(DateName, f.Date.ToString());
        json.WriteString(PrecisionName, Precision(f.Date.Precision));
        json.WriteString(Expression, f.Expression);
        json.WriteString(Sentence, f.Sentence);
        json.WriteString(File, f.FileName);
        json.WriteString(Article, f.ArticleId);
        json.WriteString(Anchor, f.Anchor);
        json.WriteEndObject();
    }

    public static string Precision(DatePrecision precision) => precision switch
    {
        DatePrecision.Year => "year",
        DatePrecision.Month => "month",
        DatePrecision.Day => "day",
        _ => precision.ToString().ToLowerInvariant(),
    };

    /// <summary>front_matter, html_meta, masthead, header, byline, dateline, footer or config.</summary>
    public static string DateSource(MetadataOrigin origin) => origin switch
    {
        MetadataOrigin.FrontMatter => "front_matter",
        MetadataOrigin.HtmlMeta => "html_meta",
        MetadataOrigin.Masthead => "masthead",
        MetadataOrigin.Header => "header",
        MetadataOrigin.Byline => "byline",
        MetadataOrigin.Dateline => "dateline",
        MetadataOrigin.Footer => "footer",
        _ => "config",
    };

    private static string FormatName(ArticleFormat format) => format switch
    {
        ArticleFormat.Text => "text",
        ArticleFormat.Markdown => "markdown",
        ArticleFormat.Html => "html",
        _ => format.ToString().ToLowerInvariant(),
    };
}
