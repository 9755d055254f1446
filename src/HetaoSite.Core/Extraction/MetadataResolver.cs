using System.Text.RegularExpressions;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Decides an article's published date, title, outlet and url. Precedence, strongest first:
/// <b>config</b> (<c>site-config.yml</c> <c>articles.&lt;file&gt;</c>) &gt; <b>front matter / HTML meta</b> &gt; <b>byline</b>
/// &gt; <b>dateline</b>.
/// <list type="bullet">
/// <item>Published: config; else the file's own date (a year-only date is refined to the day by a dateline of that
/// year, recorded as <see cref="MetadataOrigin.Dateline"/>); else the first byline with a date
/// (<c>2024年08月09日09:31 | 來源:新華網</c>); else a dateline's month and day (<c>新華社深圳8月8日電</c>) with the year of a
/// byline — a dateline alone is not enough. No date at all is error HS0001.</item>
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
        if (ResolveDate(raw.Metadata, articleOverride, facts) is not var (published, origin))
        {
            return new StageResult<Article?>(null,
            [
                Diagnostic.Error("HS0001", $"no publication date found in {raw.FileName}", raw.FileName,
                    hint: $"add \"articles: {raw.FileName}: published: YYYY-MM-DD\" to site-config.yml"),
            ]);
        }

        if (published.Year is < EarliestPlausibleYear or > LatestPlausibleYear)
        {
            // A news article from 2999 is a typo or an attack on ordering; either way a person must look at it.
            return new StageResult<Article?>(null,
            [
                Diagnostic.Error("HS0108", $"published date {published} is not plausible (expected {EarliestPlausibleYear}–{LatestPlausibleYear})", raw.FileName,
                    origin == MetadataOrigin.Config ? null : raw.Metadata.DateLine,
                    $"correct the date, or set \"articles: {raw.FileName}: published: YYYY-MM-DD\" in site-config.yml"),
            ]);
        }

        var title = articleOverride?.Title ?? StripOutlet(Cleaning.Rules.NormalizeWhitespace.Normalize(raw.Metadata.Title ?? TitleFromText(clean.Blocks) ?? raw.FileName));
        if (title.Length > limits.MaxTitleCharacters)
        {
            title = title[..(limits.MaxTitleCharacters - 1)] + "…";
        }

        var outlet = articleOverride?.Outlet ?? raw.Metadata.Outlet
            ?? facts.Select(f => f.Outlet).FirstOrDefault(o => o is not null)
            ?? facts.Select(f => f.ReporterOutlet).FirstOrDefault(o => o is not null);
        var url = articleOverride?.Url ?? raw.Metadata.Url;
        var diagnostics = new List<Diagnostic>();
        if (url is not null && !IsWebUrl(url))
        {
            // Only http(s) links are ever published: javascript:, data: and file: URLs are dropped here, at the source.
            diagnostics.Add(Diagnostic.Warning("HS0109", $"original URL '{Shorten(url)}' is not an http or https URL and was ignored", raw.FileName,
                hint: "use the article's web address"));
            url = null;
        }

        var article = new Article(ArticleIds.FromFileName(raw.FileName), raw.FileName, title, outlet,
            url, published, origin, clean.Language, clean.Script, raw.Encoding, raw.Format,
            clean.Blocks.Sum(b => b.Text.Length), raw.Metadata.Tags, clean.Blocks, clean.Bylines, clean.Stats);
        return new StageResult<Article?>(article, diagnostics);
    }

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static (PartialDate Date, MetadataOrigin Origin)? ResolveDate(SourceMetadata metadata, ArticleOverride? articleOverride, List<BylineFacts> facts)
    {
        if (articleOverride?.Published is { } configured)
        {
            return (configured, MetadataOrigin.Config);
        }

        var dateline = facts.FirstOrDefault(f => f.DatelineMonth is not null);
        if (metadata.Date is { } declared)
        {
            return declared.Precision == DatePrecision.Year && Dateline(declared.Year, dateline) is { } refined
                ? (refined, MetadataOrigin.Dateline)
                : (declared, metadata.Origin);
        }

        var byline = facts.Select(f => f.Date).OfType<PartialDate>().OrderByDescending(d => d.Precision).Cast<PartialDate?>().FirstOrDefault();
        if (byline is { } dated)
        {
            return dated.Precision != DatePrecision.Day && Dateline(dated.Year, dateline) is { } refined
                && (dated.Month is null || dated.Month == refined.Month)
                ? (refined, MetadataOrigin.Dateline)
                : (dated, MetadataOrigin.Byline);
        }

        return null;
    }

    private static PartialDate? Dateline(int year, BylineFacts? dateline) =>
        dateline is { DatelineMonth: { } month, DatelineDay: { } day } && PartialDate.IsValid(year, month, day)
            ? new PartialDate(year, month, day)
            : null;

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

    [GeneratedRegex(@"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:上午|下午|晚上|晚間|晚间)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyClause();

    [GeneratedRegex(@"系列|專欄|专栏|專題|专题|特輯|特辑", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesLabel();

    [GeneratedRegex(@"^(?<title>.{2,}?) ?(?:[-_|｜–—]+) ?(?<outlet>[^-_|｜–— ]{2,12})$", RegexOptions.CultureInvariant)]
    private static partial Regex OutletSuffix();
}
