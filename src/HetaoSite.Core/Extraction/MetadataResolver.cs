using System.Text.RegularExpressions;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Decides an article's published date, title, outlet and url. Precedence, strongest first:
/// <b>config</b> (<c>site-config.yml</c> <c>articles.&lt;file&gt;</c>) &gt; <b>front matter</b> &gt; <b>HTML meta</b> &gt;
/// <b>masthead / header</b> &gt; <b>byline</b> &gt; <b>dateline</b> &gt; <b>footer</b>.
/// <list type="bullet">
/// <item>Published: the strongest of every date the article states (see <see cref="DateCandidates"/>); a year or
/// month is refined by a weaker source that agrees with it (front matter 2024 + <c>新華社深圳8月8日電</c> → 2024-08-08).
/// <see cref="Article.PublishedFrom"/> says where it came from (<c>masthead, line 1</c>); sources that disagree are
/// noted (HS0120). No date at all is warning HS0001: the article is built undated.</item>
/// <item>Title: config; front matter / HTML; the first heading; the first short line before the body (skipping a
/// series name followed by a <c>——…系列报道</c> line); else the first sentence, shortened. Trailing outlet names
/// (<c>… - 新华网</c>, <c>…_证券时报网</c>) are stripped from all but the config title.</item>
/// <item>Outlet: config; front matter (<c>outlet</c>/<c>source</c>/<c>author</c>) or <c>og:site_name</c>; a byline's source
/// (<c>來源:新華網</c>, <c>深圳新聞網…訊</c>); the outlet named in a reporter line (<c>大公報記者胡永愛</c>).</item>
/// <item>Url: config; front matter / HTML.</item>
/// </list>
/// </summary>
/// <example><c>深圳新聞網2025年12月12日訊(…)</c> gives published 2025-12-12 (Byline) and outlet 深圳新聞網.</example>
public static partial class MetadataResolver
{
    private const int ShortLineMax = 60;
    private const int ShortLineMin = 6;
    private const int FallbackTitleLength = 40;
    private const int EarliestPlausibleYear = 1900;
    private const int LatestPlausibleYear = 2100;

    public static StageResult<Article?> Resolve(CleanArticle clean, ArticleOverride? articleOverride, BuildLimits limits)
    {
        var raw = clean.Raw;
        var facts = clean.Bylines.Select(b => BylineParser.Parse(b.Text)).ToList();
        var url = articleOverride?.Url ?? raw.Metadata.Url;
        var diagnostics = new List<Diagnostic>();
        var candidates = DateCandidates(clean, facts, articleOverride, url);
        var chosen = Choose(candidates);
        if (chosen is null)
        {
            // An article without a date is still worth publishing: its absolute dates stand; the extractor drops the
            // relative ones, which need a publication date to mean anything.
            diagnostics.Add(Diagnostic.Warning("HS0001", $"no publication date found in {raw.FileName}; it is listed as undated and its relative dates (去年, 8日…) are dropped",
                raw.FileName, hint: $"add \"articles: {raw.FileName}: published: YYYY-MM-DD\" to site-config.yml"));
        }
        else if (chosen.Date.Year is < EarliestPlausibleYear or > LatestPlausibleYear)
        {
            // A news article from 2999 is a typo or an attack on ordering; either way a person must look at it.
            return new StageResult<Article?>(null,
            [
                Diagnostic.Error("HS0108", $"published date {chosen.Date} is not plausible (expected {EarliestPlausibleYear}–{LatestPlausibleYear})", raw.FileName,
                    chosen.Origin == MetadataOrigin.Config ? null : chosen.Line,
                    $"correct the date, or set \"articles: {raw.FileName}: published: YYYY-MM-DD\" in site-config.yml"),
            ]);
        }
        else if (Disagreeing(candidates, chosen) is { Count: > 0 } others)
        {
            diagnostics.Add(Diagnostic.Info("HS0120", $"publication date {chosen.Date} taken from {chosen.From}; "
                + string.Join("; ", others.Select(o => $"{o.From} says {o.Date}")), raw.FileName, chosen.Line > 0 ? chosen.Line : null,
                $"if another date is right, set \"articles: {raw.FileName}: published: YYYY-MM-DD\" in site-config.yml"));
        }

        var title = articleOverride?.Title ?? StripOutlet(Cleaning.Rules.NormalizeWhitespace.Normalize(raw.Metadata.Title ?? TitleFromText(clean.Blocks) ?? raw.FileName));
        if (title.Length > limits.MaxTitleCharacters)
        {
            title = title[..(limits.MaxTitleCharacters - 1)] + "…";
        }

        var outlet = articleOverride?.Outlet ?? raw.Metadata.Outlet
            ?? facts.Select(f => f.Outlet).FirstOrDefault(o => o is not null)
            ?? facts.Select(f => f.ReporterOutlet).FirstOrDefault(o => o is not null);
        if (url is not null && !IsWebUrl(url))
        {
            // Only http(s) links are ever published: javascript:, data: and file: URLs are dropped here, at the source.
            diagnostics.Add(Diagnostic.Warning("HS0109", $"original URL '{Shorten(url)}' is not an http or https URL and was ignored", raw.FileName,
                hint: "use the article's web address"));
            url = null;
        }

        var article = new Article(ArticleIds.FromFileName(raw.FileName), raw.FileName, title, outlet,
            url, chosen?.Date, chosen?.Origin ?? MetadataOrigin.None, chosen?.From, clean.Language, clean.Script, raw.Encoding, raw.Format,
            clean.Blocks.Sum(b => b.Text.Length), raw.Metadata.Tags, clean.Blocks, clean.Bylines, clean.Stats,
            ImageOf(raw.Metadata.Image, articleOverride?.Image));
        return new StageResult<Article?>(article, diagnostics);
    }

    /// <summary>The article's image: the config's <c>image</c> replaces the article's own; each other image key set in
    /// the config (alt, caption, credit, size) wins over the article's (alt text for a page's og:image).</summary>
    private static ArticleImage? ImageOf(ArticleImage? declared, Loading.ImageKeys? config)
    {
        if (config is null)
        {
            return declared;
        }

        var image = config.ToImage("config") ?? declared;
        return image is null ? null : image with
        {
            Alt = config.Alt ?? image.Alt,
            Caption = config.Caption ?? image.Caption,
            Credit = config.Credit ?? image.Credit,
            Width = config.Width ?? image.Width,
            Height = config.Height ?? image.Height,
        };
    }

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>One place that states a publication date, with its rank (lower is stronger) and a label for people.</summary>
    private sealed record DateCandidate(PartialDate Date, MetadataOrigin Origin, string From, int Line = 0, bool Updated = false)
    {
        public int Rank => Origin switch
        {
            MetadataOrigin.Config => 0,
            MetadataOrigin.FrontMatter => 1,
            MetadataOrigin.HtmlMeta => 2,
            MetadataOrigin.Masthead or MetadataOrigin.Header => 3,
            MetadataOrigin.Byline => 4,
            MetadataOrigin.Dateline => 5,
            _ => 6,
        };
    }

    /// <summary>
    /// The strongest candidate; when it is only a year or month, a weaker one that refines it (front matter 2024 and the
    /// dateline 8月8日電 → 2024-08-08). Among equals: not an update, the most precise, the first line.
    /// </summary>
    private static DateCandidate? Choose(List<DateCandidate> candidates)
    {
        var ordered = candidates.OrderBy(c => c.Rank).ThenBy(c => c.Updated).ThenByDescending(c => c.Date.Precision).ThenBy(c => c.Line).ToList();
        var best = ordered.FirstOrDefault();
        if (best is null || best.Origin == MetadataOrigin.Config)
        {
            return best;
        }

        return ordered.Where(c => EventExtractor.Refines(c.Date, best.Date)).OrderByDescending(c => c.Date.Precision).FirstOrDefault() ?? best;
    }

    private static List<DateCandidate> Disagreeing(List<DateCandidate> candidates, DateCandidate chosen) =>
        [.. candidates.Where(c => !c.Updated && c.Date != chosen.Date && !EventExtractor.Refines(c.Date, chosen.Date) && !EventExtractor.Refines(chosen.Date, c.Date))];

    /// <summary>
    /// Every publication date the article states: config, front matter or HTML meta, and each dated byline, named by
    /// its form and place — above the text (masthead, header, byline), inside it (bylines only: a bare date line in
    /// the middle is a section date, not the article's), or after it (footer). A dateline (新華社深圳8月8日電) counts
    /// only with a year from the page metadata, the URL (/2024-08/08/, /20240808/) or another line.
    /// </summary>
    private static List<DateCandidate> DateCandidates(CleanArticle clean, List<BylineFacts> facts, ArticleOverride? articleOverride, string? url)
    {
        var candidates = new List<DateCandidate>();
        if (articleOverride?.Published is { } configured)
        {
            candidates.Add(new DateCandidate(configured, MetadataOrigin.Config, "config"));
        }

        var metadata = clean.Raw.Metadata;
        if (metadata.Date is { } declared)
        {
            candidates.Add(new DateCandidate(declared, metadata.Origin,
                metadata.Origin == MetadataOrigin.FrontMatter ? "front matter" : metadata.DateFrom ?? "page metadata", metadata.DateLine ?? 0));
        }

        var (firstBody, lastBody) = BodyLines(clean.Blocks);
        for (var i = 0; i < facts.Count; i++)
        {
            var line = clean.Bylines[i].Line;
            var fact = facts[i];
            var date = fact.Date ?? (fact.Form == BylineForm.Byline && fact.DatelineMonth is null ? OpeningDate(clean.Blocks, line) : null);
            if (date is not { } dated)
            {
                continue;
            }

            var origin = line > lastBody ? MetadataOrigin.Footer : fact.Form switch
            {
                BylineForm.Masthead => MetadataOrigin.Masthead,
                BylineForm.BareDate => MetadataOrigin.Header,
                _ => MetadataOrigin.Byline,
            };
            if (origin is MetadataOrigin.Masthead or MetadataOrigin.Header && line > firstBody)
            {
                continue;
            }

            candidates.Add(new DateCandidate(dated, origin, $"{Label(origin)}, line {line}", line, fact.Updated));
        }

        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is { DatelineMonth: { } month, DatelineDay: { } day } && YearFor(month, metadata, url, candidates) is var (year, source)
                && PartialDate.IsValid(year, month, day))
            {
                var line = clean.Bylines[i].Line;
                candidates.Add(new DateCandidate(new PartialDate(year, month, day), MetadataOrigin.Dateline, $"dateline, line {line} (year from {source})", line));
            }
        }

        return candidates;
    }

    /// <summary>The year of a dateline's month: from the page metadata, the URL, or the strongest other line; a dateline
    /// in a later month than its source's (12月31日電, published in January) belongs to the year before.</summary>
    private static (int Year, string Source)? YearFor(int month, SourceMetadata metadata, string? url, List<DateCandidate> candidates)
    {
        var line = candidates.Where(c => c.Origin != MetadataOrigin.Config && c.Line > 0).OrderBy(c => c.Rank).ThenBy(c => c.Line).FirstOrDefault();
        (PartialDate Date, string Source)? source =
            metadata.Date is { } declared ? (declared, metadata.Origin == MetadataOrigin.FrontMatter ? "front matter" : "page metadata")
            : UrlDate(url) is { } fromUrl ? (fromUrl, "URL")
            : line is not null ? (line.Date, $"line {line.Line}")
            : null;
        return source is var (date, name) ? (date.Month is { } sourceMonth && month > sourceMonth ? date.Year - 1 : date.Year, name) : null;
    }

    /// <summary>The year (and month) in a URL path: /2024-08/08/, /20240808/, /2024/08/08/, /t20240808_1.html, /2024/.</summary>
    internal static PartialDate? UrlDate(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || UrlDatePattern().Match(uri.AbsolutePath) is not { Success: true } match)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups["m"].Success ? new PartialDate(year, int.Parse(match.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture)) : new PartialDate(year);
    }

    /// <summary>A date that opens the paragraph a 本報訊 byline was cut from: 本報訊（記者 張三）二〇二四年六月十二日，… → 2024-06-12.</summary>
    private static PartialDate? OpeningDate(IReadOnlyList<TextBlock> blocks, int line) =>
        blocks.FirstOrDefault(b => b.Line == line) is { } block
        && Temporal.TemporalParser.Parse(block.Text, default).Dates.FirstOrDefault() is { Start: 0, Relative: false, End: null, Precision: DatePrecision.Day } first
            ? first.Date
            : null;

    /// <summary>Lines of the first and last body paragraphs (a long one, or one ending a sentence); bylines before or at
    /// the first are above the text, those after the last are below it.</summary>
    private static (int First, int Last) BodyLines(IReadOnlyList<TextBlock> blocks)
    {
        var body = blocks.Where(b => b.Kind is BlockKind.Paragraph or BlockKind.ListItem && (b.Text.Length > ShortLineMax || "。！？!?”」".Contains(b.Text[^1], StringComparison.Ordinal))).ToList();
        return body.Count == 0 ? (int.MaxValue, int.MaxValue) : (body.Min(b => b.Line), body.Max(b => b.Line));
    }

    private static string Label(MetadataOrigin origin) => origin switch
    {
        MetadataOrigin.Masthead => "masthead",
        MetadataOrigin.Header => "header",
        MetadataOrigin.Footer => "footer",
        MetadataOrigin.Dateline => "dateline",
        _ => "byline",
    };

    /// <summary>The first heading, else the first short line before the body text, else the first sentence shortened.</summary>
    internal static string? TitleFromText(IReadOnlyList<TextBlock> blocks)
    {
        var text = blocks.Where(b => b.Kind != BlockKind.Caption).ToList();
        var firstLong = text.FindIndex(b => b.Text.Length > ShortLineMax);
        var beforeBody = firstLong < 0 ? text : text[..firstLong];
        if (beforeBody.FirstOrDefault(b => b.Kind == BlockKind.Heading && b.Text.Length >= 2) is { } heading)
        {
            return heading.Text;
        }

        for (var i = 0; i < beforeBody.Count; i++)
        {
            var line = beforeBody[i].Text;
            var next = i + 1 < text.Count ? text[i + 1].Text : string.Empty;
            if (line.StartsWith('—') || line.StartsWith("--", StringComparison.Ordinal)
                || (next.StartsWith('—') && SeriesLabel().IsMatch(next))
                || line.Length is < ShortLineMin or > ShortLineMax
                || "。！？；：:，,".Contains(line[^1], StringComparison.Ordinal))
            {
                continue;
            }

            return line;
        }

        if (text.FirstOrDefault() is not { } first)
        {
            return null;
        }

        // No headline in the file: the first clause of the first sentence that says something more than a date
        // ("12月11日,2025年度河套創新論壇在河套科創中心舉行,…" → "2025年度河套創新論壇在河套科創中心舉行").
        var sentence = first.Text.Split('。', '！', '？')[0];
        var clause = sentence.Split(',', '，', ';', '；').Select(c => c.Trim()).FirstOrDefault(c => c.Length >= 8 && !DateOnlyClause().IsMatch(c)) ?? sentence;
        return clause.Length <= FallbackTitleLength ? clause : clause[..FallbackTitleLength] + "…";
    }

    /// <summary>Removes a trailing outlet name: "河套新引擎 - 新华网" → "河套新引擎".</summary>
    internal static string StripOutlet(string title)
    {
        var trimmed = title.Trim();
        return OutletSuffix().Match(trimmed) is { Success: true } match && KnownOutlets.LooksLikeOutlet(match.Groups["outlet"].Value)
            ? match.Groups["title"].Value.Trim()
            : trimmed;
    }

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})(?:[-/_]?(?<m>0[1-9]|1[0-2])(?:[-/_]?(?:0[1-9]|[12][0-9]|3[01]))?)?(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDatePattern();

    [GeneratedRegex(@"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上|晚間|晚间)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyClause();

    [GeneratedRegex(@"系列|專欄|专栏|專題|专题|特輯|特辑", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesLabel();

    [GeneratedRegex(@"^(?<title>.{2,}?) ?(?:[-_|｜–—]+) ?(?<outlet>[^-_|｜–— ]{2,12})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternLimits.MatchTimeoutMilliseconds)]
    private static partial Regex OutletSuffix();
}
