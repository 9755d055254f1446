using System.Globalization;
using System.Net;
using System.Buffers;
using System.Text;
using System.Text.Json;
using HetaoSite.Core.Model;
using Scriban.Runtime;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Builds what templates see, from the records, in one place and in one script (see docs/templates.md for every name).
/// Globals: <c>site</c>, <c>t</c> (UI strings), <c>categories</c>, <c>years</c>, <c>events</c>, <c>timeline</c>,
/// <c>chart</c>, <c>links</c>, <c>articles</c>, <c>milestones</c>, and the functions <c>url</c>, <c>absolute_url</c>, <c>include_cached</c>, <c>wbr</c>
/// and <c>article_text</c>. Each page adds
/// <c>page</c>. Every text shown is converted to the rendering's script here, so templates never convert.
/// Objects shared by many pages (events, article summaries) are built once for all of them, on first use,
/// and only read while rendering.
/// </summary>
public sealed class SiteModel
{
    /// <summary>An event (<see cref="Event"/>), shown by many pages.</summary>
    private static readonly ObjectShape EventShape = new(shared: true,
        "id", "date", "end", "date_text", "precision", "year", "month", "title", "category", "category_name",
        "category_class", "category_path", "planned", "approximate", "manual", "milestone", "path", "year_path",
        "sources", "image", "id_html", "category_html", "category_name_html", "title_html", "url_html",
        "year_url_html", "category_url_html");

    /// <summary>One source of an event (<see cref="Source"/>).</summary>
    private static readonly ObjectShape SourceShape = new(shared: false,
        "file", "article_id", "has_article", "article_title", "outlet", "published_text", "anchor", "path", "sentence",
        "expression", "converted", "original_lang", "name_html", "sentence_html", "published_label", "url_html",
        "original_url_html");

    /// <summary>An article summary (<see cref="ArticleSummary"/>), shown by many pages.</summary>
    private static readonly ObjectShape SummaryShape = new(shared: true,
        "id", "title", "outlet", "url", "url_text", "published", "published_time", "published_text", "file", "path",
        "event_count", "original_lang", "converted", "image");

    /// <summary>An article on its own page: its summary's members, then its text, report and events.</summary>
    private static readonly ObjectShape ArticleShape = new(shared: false, [.. SummaryShape.Members, "text", "report", "events"]);

    /// <summary>A data-quality report (<see cref="ReportOf"/>): an article's, or the site's with its count of articles and of dates dropped.</summary>
    private static readonly ObjectShape ReportShape = new(shared: false,
        "found", "kept", "dropped", "dropped_dates", "year_only", "month_only", "articles", "dropped_total");

    /// <summary>A date a report says was dropped, with the sentence that has it.</summary>
    private static readonly ObjectShape DroppedDateShape = new(shared: false, "expression", "reason", "reason_text", "detail", "sentence", "line", "id");

    /// <summary>How many dates were dropped for one reason (<see cref="DroppedCount"/>), shown by many article pages.</summary>
    private static readonly ObjectShape DroppedCountShape = new(shared: true, "reason", "reason_text", "count");

    // A page object's members, sized up front: a page object is built for every page, and growing it step by step showed in profiles.
    private const int PageMembers = 12;

    private readonly SiteFacts _facts;
    private readonly Lazy<Dictionary<string, ShapedObject>> _summaries;
    private readonly Lazy<Dictionary<string, ShapedObject>> _events;
    private readonly ScriptObject _strings;
    private readonly Lazy<ScriptObject> _globals;
    private readonly Lazy<ScriptObject> _traced;
    private readonly Lazy<ValueHasher> _hasher;
    private readonly FragmentCache? _fragments;
    private readonly string _description;
    private readonly HeadingBreaks _breaks;
    private readonly Dictionary<string, (string NameHtml, string? PublishedLabel)> _sourceLabels = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _reasonTexts = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Reason, int Count), ShapedObject> _droppedCounts = new();

    /// <param name="fragments">Where <c>include_cached</c> keeps what it renders for later builds, and finds what earlier ones rendered; null for none.</param>
    internal SiteModel(SiteFacts facts, Rendition rendition, ScriptObject strings, FragmentCache? fragments = null)
    {
        _facts = facts;
        _fragments = fragments;

        // Every event and article summary is built at once, on first use (the globals list them all), so that pages on
        // every thread only read the tables.
        _summaries = new(() => facts.ArticlesById.ToDictionary(kv => kv.Key, kv => ArticleSummary(kv.Value.Article), StringComparer.Ordinal));
        _events = new(Events);
        Rendition = rendition;
        Urls = new SiteUrls(facts.BasePath, facts.Content.Config.Site.BaseUrl, rendition);
        _strings = strings;
        _globals = new(BuildGlobals);
        _traced = new(() => new TracedObject(Globals));
        _hasher = new(() => new ValueHasher(Globals));
        _description = rendition.Authored(facts.Content.Config.Site.Description);
        var zone = facts.Content.Config.Zone;
        _breaks = new HeadingBreaks(zone is null ? [] : zone.Names.Concat(zone.Parks));
    }

    public Rendition Rendition { get; }

    public SiteUrls Urls { get; }

    /// <summary>The read-only globals of this rendering, built on first use (by the renderer, before any page).</summary>
    public ScriptObject Globals => _globals.Value;

    /// <summary>The globals as pages see them: each member read is noted in the page's <see cref="PageTrace"/>.</summary>
    internal ScriptObject TracedGlobals => _traced.Value;

    /// <summary>Hashes of this rendering's values, memoised for the build.</summary>
    internal ValueHasher Hasher => _hasher.Value;

    private SiteContent Content => _facts.Content;

    /// <summary>Which list page shows which events; the same for both renderings.</summary>
    internal TimelinePages Paging => _facts.Pages;

    private ScriptObject BuildGlobals()
    {
        var site = Content.Config.Site;
        var globals = new ScriptObject
        {
            ["site"] = new ScriptObject
            {
                ["title"] = Rendition.Authored(site.Title),
                ["title_html"] = _breaks.Html(Rendition.Authored(site.Title)),
                ["description"] = _description,
                ["author"] = site.Author is null ? null : Rendition.Authored(site.Author),
                ["base_url"] = site.BaseUrl,
                ["base_path"] = _facts.BasePath,
                ["lang"] = Rendition.Lang,
                ["other_lang"] = Rendition.HasAlternate ? Rendition.LangOf(Rendition.OtherScript) : null,
                ["default_lang"] = Rendition.LangOf(Rendition.DefaultScript),
                ["is_default"] = Rendition.IsDefault,
                ["og_locale"] = Rendition.Script == Script.Hans ? "zh_CN" : "zh_HK",
                ["build_date"] = DateDisplay.Iso(_facts.BuildDate),
                ["build_time"] = DateDisplay.Iso(_facts.BuildDate) + "T00:00:00Z",
                ["event_count"] = _facts.Events.Count,
                ["article_count"] = Content.Articles.Count,
                ["year_first"] = _facts.Years.Count > 0 ? _facts.Years[0] : null,
                ["year_last"] = _facts.Years.Count > 0 ? _facts.Years[^1] : null,
                ["newest_first"] = site.NewestFirst,
                ["paged"] = Paging.Paged,
                ["paginate"] = Paging.PageSize,
                ["window_from"] = Content.Config.Window.FromYear,
                ["window_to"] = Content.Config.Window.ToYear,
                // Pages may load images from other sites only when an article shows one (the CSP's img-src allows https: then).
                ["remote_images"] = Content.Articles.Any(a => a.Article.Image is { IsRemote: true }),
            },
            ["t"] = _strings,
            ["categories"] = Array(_facts.Categories.Where(c => _facts.EventCountByCategory.ContainsKey(c.Id)).Select(c => Category(c.Id))),
            // What a link to each category shows, without its count: a page that only links to every category (the
            // category pages' navigation) reads this, so a new event changes it only when it changes a link.
            ["category_links"] = Array(_facts.Categories.Where(c => _facts.EventCountByCategory.ContainsKey(c.Id)).Select(c => CategoryLink(c.Id))),
            ["years"] = Array(_facts.Years.Select(Year)),
            ["chart"] = Chart(),
            // The fixed links the base layout writes on every page, as `url … | html.escape` writes them: two Scriban calls
            // each, with their argument arrays, on every page, made once here instead.
            ["links"] = new ScriptObject
            {
                ["home_html"] = LinkHtml("/"),
                ["about_html"] = LinkHtml("/about/"),
                ["feed_events_html"] = LinkHtml("/feeds/events.xml"),
                ["feed_articles_html"] = LinkHtml("/feeds/articles.xml"),
                ["events_json_html"] = LinkHtml("/data/events.json", SiteUrls.Asset),
                ["css_html"] = LinkHtml("/css/site.css", SiteUrls.Asset),
                ["js_html"] = LinkHtml("/js/site.js", SiteUrls.Asset),
                ["favicon_html"] = LinkHtml("/favicon.svg", SiteUrls.Asset),
            },
        };
        globals["events"] = Array(_facts.Events.Select(EventObject));
        globals["milestones"] = Array(_facts.Events.Where(e => e.Milestone).Select(EventObject));
        globals["timeline"] = Timeline(_facts.Events);
        globals["articles"] = Array(Content.Articles.Select(a => SummaryObject(a.Article.Id)!));

        // Plain delegates, not DynamicCustomFunction over the methods: url runs a few hundred thousand times per build
        // and reflection-based argument binding was a measurable part of rendering.
        globals["url"] = new UrlFunction(Urls.Url);
        globals["absolute_url"] = new UrlFunction(Urls.AbsoluteUrl);
        globals["include"] = new IncludeFunction();
        globals["include_cached"] = new CachedIncludeFunction(this, _fragments);
        globals["article_text"] = new ArticleTextFunction();
        globals["wbr"] = new WbrFunction(_breaks);
        return globals;
    }


    // ---- shared objects -------------------------------------------------------------------------------------

    /// <summary>An event's shared object (that of the event with its id).</summary>
    private ShapedObject EventObject(TimelineEvent e) => _events.Value[e.Id];

    private ShapedObject? SummaryObject(string articleId) => _summaries.Value.GetValueOrDefault(articleId);

    /// <summary>
    /// <c>id</c>, <c>date</c> (YYYY[-MM[-DD]]), <c>end</c>, <c>date_text</c> (2024年6月, 2020年1月至5月),
    /// <c>precision</c> (year|month|day), <c>year</c>, <c>month</c>, <c>title</c>, <c>category</c>, <c>category_name</c>,
    /// <c>category_class</c>, <c>category_path</c>, <c>planned</c>, <c>approximate</c>, <c>manual</c>, <c>milestone</c>, <c>path</c> (where the timeline
    /// shows it: /#id, or its year page on a paged site), <c>year_path</c> (its year page, which lists every source), <c>sources</c>,
    /// <c>image</c> (the image of the first source's article that has one, as in the article summary; null when none has);
    /// for the event card, written on thousands of pages, <c>id_html</c>, <c>category_html</c>, <c>category_name_html</c>
    /// (escaped), <c>title_html</c> (as <c>wbr</c> writes it) and its links as <c>url … | html.escape</c> writes them:
    /// <c>url_html</c> (of <c>path</c>), <c>year_url_html</c> and <c>category_url_html</c>.
    /// </summary>
    /// <param name="categoryUrlHtml">The link to the event's category, as <c>category_url_html</c> writes it (one per category).</param>
    private ShapedObject Event(TimelineEvent e, SiteFacts.EventTexts texts, string categoryUrlHtml)
    {
        var title = Rendition.Title(e);
        var categoryName = _facts.CategoryName(e.Category, Rendition.Script);
        var sources = new ScriptArray(e.Sources.Count);
        object? image = null;
        for (var i = 0; i < e.Sources.Count; i++)
        {
            var source = e.Sources[i];
            sources.Add(Source(source, texts.SourcePaths[i]));
            image ??= SummaryObject(source.ArticleId)?["image"];
        }

        return new ShapedObject(EventShape)
        {
        ["id"] = e.Id,
        ["date"] = texts.Date,
        ["end"] = texts.End,
        ["date_text"] = texts.DateText,
        ["precision"] = texts.Precision,
        ["year"] = texts.Year,
        ["month"] = texts.Month,
        ["title"] = title,
        ["category"] = e.Category,
        ["category_name"] = categoryName,
        ["category_class"] = texts.CategoryClass,
        ["category_path"] = texts.CategoryPath,
        ["planned"] = Flag(e.Planned),
        ["approximate"] = Flag(e.Approximate),
        ["manual"] = Flag(e.Manual),
        ["milestone"] = Flag(e.Milestone),
        ["path"] = texts.Path,
        ["year_path"] = texts.YearPath,
        ["sources"] = sources,
        ["image"] = image,
        ["id_html"] = texts.IdHtml,
        ["category_html"] = texts.CategoryHtml,
        ["category_name_html"] = WebUtility.HtmlEncode(categoryName),
        ["title_html"] = _breaks.Html(title),
        ["url_html"] = LinkHtml(texts.Path),
        ["year_url_html"] = LinkHtml(texts.YearPath),
        ["category_url_html"] = categoryUrlHtml,
        };
    }

    /// <summary>
    /// Every event's shared object by id (the first event with an id, as <see cref="SiteFacts.EventsById"/>), built from the
    /// texts both renderings share.
    /// </summary>
    private Dictionary<string, ShapedObject> Events()
    {
        var texts = _facts.EventTextsByIndex;
        var events = new Dictionary<string, ShapedObject>(_facts.EventsById.Count, StringComparer.Ordinal);
        var categoryLinks = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _facts.Events.Count; i++)
        {
            var e = _facts.Events[i];
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(events, e.Id, out var exists);
            if (!exists)
            {
                ref var categoryLink = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(categoryLinks, e.Category, out _);
                slot = Event(e, texts[i], categoryLink ??= LinkHtml(texts[i].CategoryPath));
            }
        }

        return events;
    }

    /// <summary>
    /// <c>file</c>, <c>article_id</c>, <c>has_article</c>, <c>article_title</c>, <c>outlet</c>, <c>published_text</c>,
    /// <c>anchor</c>, <c>path</c> (/articles/{id}/#{anchor}), <c>sentence</c>, <c>expression</c> (as written in the
    /// article's script, converted in the other), <c>converted</c> (true when they are shown converted) and
    /// <c>original_lang</c> (the script they are written in, zh-Hant or zh-Hans, when converted; else null): with
    /// <c>url path original_lang</c> a template links the converted sentence to the original on its article's page.
    /// For the event card: <c>name_html</c> (the outlet, else the article's title; escaped), <c>sentence_html</c> (escaped),
    /// <c>published_label</c> (<c>t.source_published</c> with the article's date; null when there is none), and
    /// <c>url_html</c> and <c>original_url_html</c> (null when not converted): <c>url path | html.escape</c> and
    /// <c>url path original_lang | html.escape</c>.
    /// </summary>
    /// <param name="path">The source's <c>/articles/{id}/#{anchor}</c> (<see cref="SiteFacts.EventTexts.SourcePaths"/>).</param>
    private ShapedObject Source(EventSource source, string path)
    {
        var article = SummaryObject(source.ArticleId);
        var written = _facts.ArticlesById.TryGetValue(source.ArticleId, out var a) ? a.Article.Script : Conversion.Scripts.Of(source.Sentence);
        var converted = Rendition.Converts(written);
        var sentence = Rendition.Text(source.Sentence, written);
        var (nameHtml, publishedLabel) = article is null ? (WebUtility.HtmlEncode(source.File), null) : SourceLabels(source.ArticleId, article);
        return new ShapedObject(SourceShape)
        {
            ["file"] = source.File,
            ["article_id"] = source.ArticleId,
            ["has_article"] = Flag(article is not null),
            ["article_title"] = article?["title"] ?? source.File,
            ["outlet"] = article?["outlet"],
            ["published_text"] = article?["published_text"],
            ["anchor"] = source.Anchor,
            ["path"] = path,
            ["sentence"] = sentence,
            ["expression"] = Rendition.Text(source.Expression, written),
            ["converted"] = Flag(converted),
            ["original_lang"] = converted ? Rendition.LangOf(written) : null,
            ["name_html"] = nameHtml,
            ["sentence_html"] = WebUtility.HtmlEncode(sentence),
            ["published_label"] = publishedLabel,
            ["url_html"] = LinkHtml(path),
            ["original_url_html"] = converted ? LinkHtml(path, Rendition.LangOf(written)) : null,
        };
    }

    /// <summary>
    /// A source's <c>name_html</c> and <c>published_label</c>, which depend only on its article: made once per article
    /// (an article is the source of a few events on average) by the thread building the events.
    /// </summary>
    private (string NameHtml, string? PublishedLabel) SourceLabels(string articleId, ShapedObject article)
    {
        ref var labels = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sourceLabels, articleId, out var exists);
        if (!exists)
        {
            var publishedText = article["published_text"] as string;
            labels = (WebUtility.HtmlEncode(article["outlet"] as string ?? article["title"] as string ?? article["file"] as string ?? string.Empty),
                publishedText is null ? null
                    : (_strings["source_published"] as string ?? "{date}").Replace("{date}", publishedText, StringComparison.Ordinal));
        }

        return labels;
    }

    /// <summary>
    /// <c>id</c>, <c>title</c>, <c>outlet</c>, <c>url</c> (the original, only if http/https, else null), <c>url_text</c>,
    /// <c>published</c> (ISO; null when undated), <c>published_text</c> (「日期不詳」 when undated), <c>file</c>, <c>path</c>,
    /// <c>event_count</c>, <c>original_lang</c>, <c>converted</c> (true when this rendering shows the article's texts
    /// converted from <c>original_lang</c>), <c>image</c> (see <see cref="Image"/>; null when the article has none).
    /// </summary>
    private ShapedObject ArticleSummary(Article a)
    {
        var url = IsWebUrl(a.Url) ? a.Url : null;
        return new ShapedObject(SummaryShape)
        {
            ["id"] = a.Id,
            ["title"] = Rendition.Text(a.Title, a.Script),
            ["outlet"] = a.Outlet is null ? null : Rendition.Text(a.Outlet, a.Script),
            ["url"] = url,
            ["url_text"] = a.Url,
            ["published"] = a.Published?.ToString(),
            ["published_time"] = a.Published is { } published ? DateDisplay.Iso(published.FirstDay) + "T00:00:00Z" : null,
            ["published_text"] = a.Published is { } date ? DateDisplay.Format(date) : _strings["article_undated"] as string,
            ["file"] = a.FileName,
            ["path"] = $"/articles/{a.Id}/",
            ["event_count"] = _facts.EventCountByArticle.GetValueOrDefault(a.Id),
            ["original_lang"] = a.Script switch { Script.Hans => "zh-Hans", Script.Hant => "zh-Hant", _ => "en" },
            ["converted"] = Flag(Rendition.Converts(a.Script)),
            ["image"] = Image(a),
        };
    }

    /// <summary>
    /// An article's image: <c>src</c> (the link to put in <c>&lt;img src&gt;</c>: the copied file, or the https URL),
    /// <c>url</c> (absolute, for og:image), <c>remote</c>, <c>alt</c> (empty when none was given), <c>caption</c>,
    /// <c>credit</c> (texts in the article's script, converted in the other), <c>width</c>, <c>height</c> (null when unknown).
    /// </summary>
    private ScriptObject? Image(Article a)
    {
        if (a.Image is not { } image)
        {
            return null;
        }

        var path = ImageLinks.SitePath(image);
        return new ScriptObject
        {
            ["src"] = path is null ? image.Source : Urls.Url(path, SiteUrls.Asset),
            ["url"] = ImageLinks.AbsoluteUrl(image, Urls),
            ["remote"] = image.IsRemote,
            ["alt"] = image.Alt is null ? string.Empty : Rendition.Text(image.Alt, a.Script),
            ["caption"] = image.Caption is null ? null : Rendition.Text(image.Caption, a.Script),
            ["credit"] = image.Credit is null ? null : Rendition.Text(image.Credit, a.Script),
            ["width"] = image.Width,
            ["height"] = image.Height,
        };
    }

    /// <summary>
    /// The years articles were published in, oldest first, each with its sources page: <c>[{year, count, path,
    /// undated}]</c> (<c>/sources/2024/</c>); undated articles come last, as <c>/sources/undated/</c> with <c>year</c>
    /// 「日期不詳」.
    /// </summary>
    private ScriptArray SourceYears() => Array(_facts.ArticlesByYear.Select(y => (object)SourceYear(y.Year, y.Articles.Count)));

    private ScriptObject SourceYear(int? year, int? count) => new()
    {
        ["year"] = year is { } y ? y : _strings["article_undated"] as string,
        ["count"] = count,
        ["path"] = SourcesPath(year),
        ["undated"] = year is null,
    };

    private static string SourcesPath(int? year) => $"/sources/{YearKey(year)}/";

    /// <summary>"2024", or "undated" for the articles without a date.</summary>
    private static string YearKey(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "undated";

    /// <summary><c>id</c>, <c>name</c>, <c>class_name</c>, <c>count</c>, <c>path</c>.</summary>
    private ScriptObject Category(string id)
    {
        var category = CategoryLink(id);
        category["count"] = _facts.EventCountByCategory.GetValueOrDefault(id);
        return category;
    }

    /// <summary>A category as a link shows it: <c>id</c>, <c>name</c>, <c>class_name</c>, <c>path</c>.</summary>
    private ScriptObject CategoryLink(string id) => new()
    {
        ["id"] = id,
        ["name"] = _facts.CategoryName(id, Rendition.Script),
        ["class_name"] = _facts.CategoryClass(id),
        ["path"] = $"/categories/{id}/",
    };

    /// <summary><c>year</c>, <c>count</c>, <c>path</c> (/years/2024/), <c>anchor</c> (y2024, on the home page).</summary>
    private ScriptObject Year(int year) => new()
    {
        ["year"] = year,
        ["count"] = _facts.EventCountByYear.GetValueOrDefault(year),
        ["path"] = $"/years/{year.ToString(CultureInfo.InvariantCulture)}/",
        ["anchor"] = "y" + year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A year's summary: <c>categories</c> (as in <c>categories</c>, <c>count</c> being the year's), <c>milestones</c>,
    /// <c>first</c> and <c>last</c> (its earliest and latest event; <c>last</c> null when the year has one event).
    /// </summary>
    private ScriptObject YearSummary(int year)
    {
        var events = _facts.EventsByYear[year];
        var counts = events.CountBy(e => e.Category).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new ScriptObject
        {
            ["categories"] = Array(_facts.Categories.Where(c => counts.ContainsKey(c.Id)).Select(c =>
            {
                var category = Category(c.Id);
                category["count"] = counts[c.Id];
                return (object)category;
            })),
            ["milestones"] = Array(events.Where(e => e.Milestone).Select(EventObject)),
            ["first"] = EventObject(events[0]),
            ["last"] = events.Count > 1 ? EventObject(events[^1]) : null,
        };
    }

    /// <summary>
    /// <c>{prev, next}</c>: the neighbouring years that have events (as in <c>years</c>), each null at either end.
    /// </summary>
    private ScriptObject YearNav(int year)
    {
        var index = _facts.Years.ToList().IndexOf(year);
        return new ScriptObject
        {
            ["prev"] = index > 0 ? Year(_facts.Years[index - 1]) : null,
            ["next"] = index + 1 < _facts.Years.Count ? Year(_facts.Years[index + 1]) : null,
        };
    }

    /// <summary>
    /// Events grouped by year, then month, in the configured order: <c>[{year, anchor, count, months: [{month (null when
    /// only the year is known), anchor, events}]}]</c>.
    /// </summary>
    private ScriptArray Timeline(IEnumerable<TimelineEvent> events, bool inDisplayOrder = false)
    {
        var ordered = events.ToList();
        if (Content.Config.Site.NewestFirst && !inDisplayOrder)
        {
            ordered.Reverse();
        }

        var years = new ScriptArray();
        foreach (var year in ordered.GroupBy(e => e.Date.Year))
        {
            var y = year.Key.ToString(CultureInfo.InvariantCulture);
            var months = new ScriptArray();
            foreach (var month in year.GroupBy(e => e.Date.Month))
            {
                months.Add(new ScriptObject
                {
                    ["month"] = month.Key,
                    ["anchor"] = month.Key is { } m ? $"y{y}-m{m:D2}" : $"y{y}-m00",
                    ["events"] = Array(month.Select(EventObject)),
                });
            }

            years.Add(new ScriptObject
            {
                ["year"] = year.Key,
                ["anchor"] = "y" + y,
                ["count"] = year.Count(),
                ["path"] = $"/years/{y}/",
                ["months"] = months,
            });
        }

        return years;
    }

    /// <summary>
    /// <c>width</c>, <c>height</c>, <c>left</c>, <c>right</c> (x of the plot edges), <c>baseline</c>, <c>max</c>,
    /// <c>ticks: [{value, y}]</c>, <c>bars: [{year, total, x, width, top, center, label_y, path, segments: [{category,
    /// name, class_name, count, y, height}]}]</c>. Numbers are strings with invariant formatting.
    /// </summary>
    private ScriptObject Chart()
    {
        var order = _facts.Categories.Select(c => c.Id).ToList();
        var chart = YearChart.Build(_facts.Events, order);
        return new ScriptObject
        {
            ["width"] = N(YearChart.Width),
            ["height"] = N(YearChart.Height),
            ["left"] = N(YearChart.Left),
            ["right"] = N(YearChart.Width - YearChart.Right),
            ["baseline"] = N(YearChart.Baseline),
            ["max"] = chart.Max,
            ["year_label_y"] = N(YearChart.Height - 8),
            ["tick_label_x"] = N(YearChart.Left - 6),
            ["ticks"] = Array(chart.Ticks.Select(t => new ScriptObject { ["value"] = t.Value, ["y"] = N(t.Y), ["label_y"] = N(t.Y + 4) })),
            ["bars"] = Array(chart.Bars.Select(b => new ScriptObject
            {
                ["year"] = b.Year,
                ["total"] = b.Total,
                ["x"] = N(b.X),
                ["width"] = N(b.Width),
                ["top"] = N(b.Top),
                ["center"] = N(b.Center),
                ["label_y"] = N(b.Top - 4),
                ["path"] = b.Total > 0 ? $"/years/{b.Year.ToString(CultureInfo.InvariantCulture)}/" : null,
                ["segments"] = Array(b.Segments.Select(s => new ScriptObject
                {
                    ["category"] = s.Category,
                    ["name"] = _facts.CategoryName(s.Category, Rendition.Script),
                    ["class_name"] = _facts.CategoryClass(s.Category),
                    ["count"] = s.Count,
                    ["y"] = N(s.Y),
                    ["height"] = N(s.Height),
                })),
            })),
        };
    }

    // ---- pages ----------------------------------------------------------------------------------------------

    /// <summary>Every page of this rendering: template, output path and a factory for its <c>page</c> object.</summary>
    internal IEnumerable<PageJob> Pages()
    {
        yield return Html("/", "layouts/home.scriban-html", HomePage);
        foreach (var year in _facts.Years)
        {
            var pages = Paging.Years[year];
            var pagerPages = PagerPages(pages.Count, n => TimelinePages.YearPath(year, n));
            for (var i = 0; i < pages.Count; i++)
            {
                var (number, events) = (i + 1, pages[i]);
                var path = TimelinePages.YearPath(year, number);
                yield return Html(path, "layouts/year.scriban-html", () =>
                {
                    var page = Page("year", path, Numbered(year.ToString(CultureInfo.InvariantCulture) + "年", number), null, null);
                    page["year"] = Year(year);
                    page["summary"] = number == 1 ? YearSummary(year) : null;
                    page["timeline"] = Timeline(events, inDisplayOrder: true);
                    page["year_nav"] = number == pages.Count ? YearNav(year) : null;
                    // On a paged site the year pages are the timeline, read page after page across years.
                    var index = Paging.Paged ? IndexOf(Paging.Sequence, path) : -1;
                    page["pager"] = Pager(number, pages.Count, pagerPages,
                        index > 0 ? Paging.Sequence[index - 1] : null, index >= 0 && index + 1 < Paging.Sequence.Count ? Paging.Sequence[index + 1] : null);
                    return page;
                });
            }
        }

        foreach (var category in _facts.Categories.Where(c => _facts.EventCountByCategory.ContainsKey(c.Id)))
        {
            var listPath = $"/categories/{category.Id}/";
            var pages = _facts.CategoryPages[category.Id];
            var pagerPages = PagerPages(pages.Count, n => TimelinePages.Numbered(listPath, n));
            for (var i = 0; i < pages.Count; i++)
            {
                var (number, events) = (i + 1, pages[i]);
                var path = TimelinePages.Numbered(listPath, number);
                yield return Html(path, "layouts/category.scriban-html", () =>
                {
                    var page = Page("category", path, Numbered(_facts.CategoryName(category.Id, Rendition.Script), number), null, null);
                    page["category"] = Category(category.Id);
                    page["timeline"] = Timeline(events, inDisplayOrder: true);
                    page["pager"] = Pager(number, pages.Count, pagerPages,
                        number > 1 ? TimelinePages.Numbered(listPath, number - 1) : null,
                        number < pages.Count ? TimelinePages.Numbered(listPath, number + 1) : null);
                    return page;
                });
            }
        }

        foreach (var article in Content.Articles)
        {
            var id = article.Article.Id;
            yield return Html($"/articles/{id}/", "layouts/article.scriban-html", () => ArticlePage(article));
        }

        yield return Html("/about/", "layouts/about.scriban-html", () =>
        {
            var page = Page("about", "/about/", null, null, null);
            page["report"] = Report();
            // On a paged site the sources are listed a year of publication per page, linked from here.
            page["sources"] = new ScriptObject
            {
                ["articles"] = Paging.Paged ? null : Array(Content.Articles.Select(a => SummaryObject(a.Article.Id)!)),
                ["years"] = Paging.Paged ? SourceYears() : null,
            };
            return page;
        });
        if (Paging.Paged)
        {
            foreach (var (year, articles) in _facts.ArticlesByYear)
            {
                var path = SourcesPath(year);
                var title = year is null ? _strings["sources_undated_title"] as string
                    : (_strings["sources_year_title"] as string ?? "{year}").Replace("{year}", YearKey(year), StringComparison.Ordinal);
                yield return Html(path, "layouts/sources.scriban-html", () =>
                {
                    var page = Page("sources", path, title, null, null);
                    page["year"] = SourceYear(year, articles.Count);
                    page["articles"] = Array(articles.Select(a => SummaryObject(a.Article.Id)!));
                    page["years"] = SourceYears();
                    return page;
                });
            }
        }

        yield return new PageJob(Urls.Relative("/404.html"), "layouts/404.scriban-html", "layouts/base.scriban-html", this,
            () => Page("not_found", "/404.html", null, null, null));
        yield return new PageJob(Urls.Relative("/feeds/events.xml"), "layouts/feed-events.scriban-xml", null, this, () =>
        {
            var page = Page("feed", "/feeds/events.xml", null, null, null);
            var events = Newest(_facts.Events.OrderByDescending(e => e.Date.FirstDay).ThenBy(e => e.Id, StringComparer.Ordinal)).ToList();
            page["events"] = Array(events.Select(e => EventObject(e)));
            page["entries"] = Array(events.Select(e => FeedTimes(e.Date.FirstDay, LastReported(e))));
            page["updated"] = FeedTime(events.Select(LastReported).DefaultIfEmpty(_facts.BuildDate).Max());
            return page;
        });
        yield return new PageJob(Urls.Relative("/feeds/articles.xml"), "layouts/feed-articles.scriban-xml", null, this, () =>
        {
            var page = Page("feed", "/feeds/articles.xml", null, null, null);
            // An Atom entry needs a date: undated articles are left out of the feed.
            var articles = Newest(Content.Articles.Where(a => !a.Article.IsUndated).OrderByDescending(a => a.Article.Published!.Value.FirstDay)
                .ThenBy(a => a.Article.Id, StringComparer.Ordinal)).ToList();
            page["articles"] = Array(articles.Select(a => SummaryObject(a.Article.Id)!));
            page["updated"] = FeedTime(articles.Select(a => a.Article.Published!.Value.FirstDay).DefaultIfEmpty(_facts.BuildDate).Max());
            return page;
        });
    }

    /// <summary>
    /// Files rendered once for the whole site, in the default rendering: robots.txt and the sitemap. <c>/sitemap.xml</c>
    /// lists every page in every script; a site with more than <see cref="SitemapLimit"/> of them gets a sitemap index
    /// there instead, naming <c>/sitemaps/1.xml</c>, <c>/sitemaps/2.xml</c>… of at most that many each.
    /// </summary>
    internal IEnumerable<PageJob> RootFiles(IReadOnlyList<SiteModel> renditions)
    {
        var paths = renditions[0].Pages().Where(p => p.Path is not null).Select(p => (object)p.Path!).ToList();
        var langs = Array(renditions.Select(r => (object)r.Rendition.Lang));
        var perSitemap = Math.Max(1, SitemapLimit / langs.Count);
        var parts = paths.Chunk(perSitemap).ToList();
        if (parts.Count <= 1)
        {
            yield return Sitemap("sitemap.xml", paths, langs);
        }
        else
        {
            var names = Enumerable.Range(1, parts.Count).Select(n => $"/sitemaps/{n.ToString(CultureInfo.InvariantCulture)}.xml").ToList();
            yield return new PageJob("sitemap.xml", "layouts/sitemap-index.scriban-xml", null, this, () =>
            {
                var page = Page("sitemap_index", "/sitemap.xml", null, null, null);
                page["sitemaps"] = Array(names);
                return page;
            });
            for (var i = 0; i < parts.Count; i++)
            {
                yield return Sitemap(names[i].TrimStart('/'), parts[i], langs);
            }
        }

        yield return new PageJob("robots.txt", "layouts/robots.scriban-txt", null, this, () => Page("robots", "/robots.txt", null, null, null));
    }

    /// <summary>The sitemap protocol's limit of URLs per sitemap file.</summary>
    internal const int SitemapLimit = 50_000;

    private PageJob Sitemap(string outputPath, IEnumerable<object> paths, ScriptArray langs) =>
        new(outputPath, "layouts/sitemap.scriban-xml", null, this, () =>
        {
            var page = Page("sitemap", "/" + outputPath, null, null, null);
            page["paths"] = Array(paths);
            page["langs"] = langs;
            return page;
        });

    /// <summary>
    /// The home page: the whole timeline, or on a paged site the first year page's events with a link onwards
    /// (<c>page.timeline</c>, <c>page.pager</c>).
    /// </summary>
    private ScriptObject HomePage()
    {
        var shown = Paging.Paged ? Paging.Years[TimelinePages.InDisplayOrder(_facts.Events, Content.Config.Site.NewestFirst)[0].Date.Year][0] : _facts.Events;
        var page = Page("home", "/", null, null, HomeJsonLd(shown));
        page["timeline"] = Paging.Paged ? Timeline(shown, inDisplayOrder: true) : Timeline(shown);
        page["pager"] = Paging.Paged && Paging.Sequence.Count > 1 ? Pager(1, 1, [], null, Paging.Sequence[1]) : null;
        return page;
    }

    /// <summary>
    /// <c>{number, count, prev, next, pages: [{number, path, current}]}</c> for a list of <paramref name="count"/> pages,
    /// or null when there is only one page and nowhere to go.
    /// </summary>
    /// <param name="pages">The list's <see cref="PagerPages"/>.</param>
    private static ScriptObject? Pager(int number, int count, ScriptObject[] pages, string? prev, string? next)
    {
        if (count <= 1 && prev is null && next is null)
        {
            return null;
        }

        var links = new ScriptArray(pages.Length);
        for (var i = 0; i < pages.Length; i++)
        {
            links.Add(i + 1 == number ? PagerPage(number, (string)pages[i]["path"]!, current: true) : pages[i]);
        }

        return new ScriptObject
        {
            ["number"] = number,
            ["count"] = count,
            ["prev"] = prev,
            ["next"] = next,
            ["pages"] = links,
        };
    }

    /// <summary>
    /// The entries of a list's pager, none of them current (none when the list has one page): made once per list and
    /// shared by its pages, each of which puts a current entry of its own in its place, instead of every page of a long
    /// list making an entry for every other.
    /// </summary>
    private static ScriptObject[] PagerPages(int count, Func<int, string> pathOf)
    {
        var pages = new ScriptObject[count <= 1 ? 0 : count];
        for (var n = 1; n <= pages.Length; n++)
        {
            pages[n - 1] = PagerPage(n, pathOf(n), current: false);
        }

        return pages;
    }

    private static ScriptObject PagerPage(int number, string path, bool current) => new(3)
    {
        ["number"] = number,
        ["path"] = path,
        ["current"] = Flag(current),
    };

    private string Numbered(string title, int number) =>
        number <= 1 ? title : title + " · " + (_strings["page_number"] as string ?? "{n}").Replace("{n}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static int IndexOf(IReadOnlyList<string> paths, string path)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i] == path)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first <c>site.feed_limit</c> items of a list ordered newest first (all of them when the limit is 0).</summary>
    private IEnumerable<T> Newest<T>(IEnumerable<T> newestFirst) =>
        Content.Config.Site.FeedLimit is > 0 and var limit ? newestFirst.Take(limit) : newestFirst;

    /// <summary>
    /// When an event was last reported: the latest publication date of the articles that state it, and never before
    /// the event's own first day. A feed entry's <c>updated</c>; its <c>published</c> is the event's date.
    /// </summary>
    private DateOnly LastReported(TimelineEvent e) =>
        e.Sources.Select(s => _facts.ArticlesById.TryGetValue(s.ArticleId, out var a) && a.Article.Published is { } published ? published.FirstDay : e.Date.FirstDay)
            .Append(e.Date.FirstDay).Max();

    private static ScriptObject FeedTimes(DateOnly published, DateOnly updated) =>
        new() { ["published"] = FeedTime(published), ["updated"] = FeedTime(updated) };

    private static string FeedTime(DateOnly day) => DateDisplay.Iso(day) + "T00:00:00Z";

    private PageJob Html(string path, string template, Func<ScriptObject> page) =>
        new(Urls.Relative(path) + "index.html", template, "layouts/base.scriban-html", this, page, path);

    /// <summary>
    /// <c>kind</c> (home|year|category|article|about|sources|not_found|feed|sitemap_index|sitemap|robots), <c>path</c> (site path, no base
    /// path or script prefix: what <c>url</c> takes), <c>title</c> (null = the site title only), <c>description</c>,
    /// <c>og_type</c>, <c>json_ld</c> (encoded JSON or null), <c>image</c> (an article's image for og:image; else null).
    /// </summary>
    private ScriptObject Page(string kind, string path, string? title, string? description, string? jsonLd) => new(PageMembers)
    {
        ["kind"] = kind,
        ["path"] = path,
        ["title"] = title,
        ["description"] = description ?? _description,
        ["og_type"] = kind == "article" ? "article" : "website",
        ["json_ld"] = jsonLd,
        ["image"] = null,
    };

    private ScriptObject ArticlePage(ArticleExtraction extraction)
    {
        var a = extraction.Article;
        var summary = _facts.ArticlesById[a.Id].Article;
        var title = Rendition.Text(summary.Title, summary.Script);
        var page = Page("article", $"/articles/{a.Id}/", title, null, ArticleJsonLd(a, summary, title));
        var article = new ShapedObject(ArticleShape, SummaryObject(a.Id)!)
        {
            ["text"] = new ArticleHtml(extraction, _facts, Rendition, Urls, _strings["back_to_event"] as string ?? string.Empty),
            ["report"] = _facts.ReportLineOf(a.Id) is { } line ? ReportOf(line, summary.Script) : null,
            ["events"] = Array(_facts.EventsByArticle.GetValueOrDefault(a.Id, []).Select(EventObject)),
        };
        page["image"] = article["image"];
        page["article"] = article;
        return page;
    }

    /// <summary>
    /// The whole site's data-quality report (each article's own is on its page): <c>{articles, found, kept, dropped:
    /// [{reason, count}] (most first), dropped_total, year_only, month_only}</c>. A few lines whatever the size of the
    /// site, so the About page stays readable and adding an article does not render a page of every article again.
    /// </summary>
    private ShapedObject Report()
    {
        var lines = _facts.ReportLines;
        var dropped = BuildReport.DroppedTotals(lines);
        return ReportOf(new BuildReport.ArticleLine(string.Empty, string.Empty, lines.Sum(l => l.Found), lines.Sum(l => l.Kept),
            dropped, lines.Sum(l => l.YearOnly), lines.Sum(l => l.MonthOnly)), Rendition.Script, lines.Count, dropped.Values.Sum());
    }

    /// <summary>
    /// <c>{found, kept, dropped: [{reason, count}], dropped_dates, year_only, month_only}</c> of one article, or of the
    /// whole site with <c>articles</c> and <c>dropped_total</c>. The dropped dates quote their article as written in
    /// its script (<paramref name="written"/>), converted in the other.
    /// </summary>
    private ShapedObject ReportOf(BuildReport.ArticleLine line, Script written, int? articles = null, int? droppedTotal = null)
    {
        var dropped = new ScriptArray(line.Dropped.Count);
        foreach (var (reason, count) in line.Dropped)
        {
            dropped.Add(DroppedCount(reason, count));
        }

        var drops = line.Drops ?? [];
        var dates = new ScriptArray(drops.Count);
        foreach (var d in drops)
        {
            dates.Add(new ShapedObject(DroppedDateShape)
            {
                ["expression"] = Rendition.Text(d.Expression, written),
                ["reason"] = d.Reason,
                ["reason_text"] = ReasonText(d.Reason),
                ["detail"] = d.Detail,
                ["sentence"] = d.Sentence is null ? null : Rendition.Text(d.Sentence, written),
                ["line"] = d.Line,
                ["id"] = d.Id,
            });
        }

        return new ShapedObject(ReportShape)
        {
            ["found"] = line.Found,
            ["kept"] = line.Kept,
            ["dropped"] = dropped,
            ["dropped_dates"] = dates,
            ["year_only"] = line.YearOnly,
            ["month_only"] = line.MonthOnly,
            ["articles"] = articles,
            ["dropped_total"] = droppedTotal,
        };
    }

    /// <summary>
    /// <c>{reason, reason_text, count}</c> of a report's <c>dropped</c>: made once per (reason, count) and shared by the
    /// article pages that show it, since nearly every article drops a date or two for one of a dozen reasons.
    /// </summary>
    private ShapedObject DroppedCount(string reason, int count) =>
        _droppedCounts.GetOrAdd((reason, count), static (key, model) => new ShapedObject(DroppedCountShape)
        {
            ["reason"] = key.Reason,
            ["reason_text"] = model.ReasonText(key.Reason),
            ["count"] = key.Count,
        }, this);

    /// <summary>
    /// A drop reason in words: <c>t["drop_" + reason]</c> (the code itself when missing) with the window's years filled
    /// in. Made once per reason: every article page lists its drops.
    /// </summary>
    private string ReasonText(string reason) => _reasonTexts.GetOrAdd(reason, static (r, model) => model.NewReasonText(r), this);

    private string NewReasonText(string reason) =>
        (_strings["drop_" + reason] as string ?? reason)
            .Replace("{from}", Content.Config.Window.FromYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{to}", Content.Config.Window.ToYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private string HomeJsonLd(IReadOnlyList<TimelineEvent> shown)
    {
        var json = StartJson();
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "ItemList");
        json.WriteString("name", Rendition.Authored(Content.Config.Site.Title));
        json.WriteNumber("numberOfItems", shown.Count);
        json.WriteStartArray("itemListElement");
        var position = 1;
        foreach (var e in shown)
        {
            json.WriteStartObject();
            json.WriteString("@type", "ListItem");
            json.WriteNumber("position", position++);
            json.WriteString("url", Urls.AbsoluteUrl(Paging.EventPath(e)));
            json.WriteString("name", Rendition.Title(_facts.EventsById[e.Id]));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return JsonText(json);
    }

    /// <param name="summary">The article its summary is made from (the first with its id).</param>
    /// <param name="headline">Its title as this rendering shows it.</param>
    private string ArticleJsonLd(Article a, Article summary, string headline)
    {
        var json = StartJson();
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "NewsArticle");
        json.WriteString("headline", headline);
        if (a.Published is { } published)
        {
            json.WriteString("datePublished", published.ToString());
        }

        json.WriteString("inLanguage", Rendition.Lang);
        json.WriteString("mainEntityOfPage", Urls.AbsoluteUrl($"/articles/{a.Id}/"));
        if (summary.Outlet is { } outlet)
        {
            json.WriteStartObject("publisher");
            json.WriteString("@type", "Organization");
            json.WriteString("name", Rendition.Text(outlet, summary.Script));
            json.WriteEndObject();
        }

        if (IsWebUrl(summary.Url))
        {
            json.WriteString("isBasedOn", summary.Url);
        }

        if (summary.Image is { } image)
        {
            json.WriteString("image", ImageLinks.AbsoluteUrl(image, Urls));
        }

        json.WriteEndObject();
        return JsonText(json);
    }

    // A page's JSON-LD is written straight to text, compact (JsonOutput.Writer), by a writer and into a buffer its
    // thread keeps: building a tree of nodes for it cost more than the text on every article page.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_jsonBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    private static Utf8JsonWriter StartJson()
    {
        var buffer = t_jsonBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var json = t_json ??= JsonOutput.Writer(buffer, indented: false);
        json.Reset(buffer);
        return json;
    }

    private static string JsonText(Utf8JsonWriter json)
    {
        json.Flush();
        return Encoding.UTF8.GetString(t_jsonBuffer!.WrittenSpan);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>What <c>url path script | html.escape</c> writes.</summary>
    private string LinkHtml(string path, string? script = null) => WebUtility.HtmlEncode(Urls.Url(path, script));

    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>A flag boxed once: every event and source holds several, in each rendering.</summary>
    private static object Flag(bool value) => value ? True : False;

    private static ScriptArray Array(IEnumerable<object> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
