using AngleSharp.Dom;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Reads a saved web page. Metadata: title from <c>og:title</c>, then <c>&lt;title&gt;</c>, then the first <c>&lt;h1&gt;</c>;
/// date from <c>article:published_time</c>, <c>og:article:published_time</c>, <c>&lt;meta name="pubdate|publishdate|date|DC.date.issued"&gt;</c>,
/// then a <c>&lt;time datetime&gt;</c> in the article; outlet from <c>og:site_name</c>; url from <c>og:url</c> or the canonical
/// link; language from <c>&lt;html lang&gt;</c>. Text: <c>&lt;article&gt;</c>, else <c>&lt;main&gt;</c>, else the element holding
/// the most paragraph text, once navigation, header, footer, aside, script, style, form and noscript are removed; when
/// that element leaves out the lines under the headline, their short lines with a number (the date-and-source line) are
/// read before it (<see cref="HeaderLines"/>).
/// </summary>
internal static class HtmlArticleReader
{
    private static readonly (string Selector, string Name)[] DateMetaSelectors =
    [
        ("meta[property='article:published_time' i]", "article:published_time"),
        ("meta[property='og:article:published_time' i]", "og:article:published_time"),
        ("meta[name='pubdate' i]", "pubdate"),
        ("meta[name='publishdate' i]", "publishdate"),
        ("meta[name='date' i]", "date"),
        ("meta[name='DC.date.issued' i]", "DC.date.issued"),
    ];

    public static StageResult<(SourceMetadata Metadata, IReadOnlyList<TextBlock> Blocks)?> Read(string html, string file, BuildLimits limits)
    {
        if (HtmlBlockReader.CheckDepthBeforeParsing(html, file, limits.MaxHtmlDepth) is { } tooDeepTokens)
        {
            return new StageResult<(SourceMetadata, IReadOnlyList<TextBlock>)?>(null, [tooDeepTokens]);
        }

        using var document = HtmlBlockReader.Parse(html);
        if (HtmlBlockReader.CheckDepth(document, file, limits.MaxHtmlDepth) is { } tooDeep)
        {
            return new StageResult<(SourceMetadata, IReadOnlyList<TextBlock>)?>(null, [tooDeep]);
        }

        var root = document.DocumentElement;
        var title = Meta(root, "meta[property='og:title' i]") ?? Clean(document.Title) ?? Clean(root.QuerySelector("h1")?.TextContent);

        PartialDate? date = null;
        int? dateLine = null;
        string? dateFrom = null;
        foreach (var (selector, name) in DateMetaSelectors)
        {
            if (root.QuerySelector(selector) is { } meta && Clean(meta.GetAttribute("content")) is { } value)
            {
                dateLine = LineOf(meta);
                if (!MetadataDateParser.TryParse(value, out var parsed))
                {
                    return new StageResult<(SourceMetadata, IReadOnlyList<TextBlock>)?>(null,
                    [
                        Diagnostic.Error("HS0102", $"<meta> date '{value}' is not a date", file, dateLine,
                            $"fix the page's date, or set \"articles: {file}: published: YYYY-MM-DD\" in site-config.yml"),
                    ]);
                }

                date = parsed;
                dateFrom = "meta " + name;
                break;
            }
        }

        var body = document.Body ?? root;
        var main = body.QuerySelector("article") ?? body.QuerySelector("main");
        if (date is null)
        {
            foreach (var time in (main ?? body).QuerySelectorAll("time[datetime]"))
            {
                if (MetadataDateParser.TryParse(time.GetAttribute("datetime"), out var parsed))
                {
                    date = parsed;
                    dateLine = LineOf(time);
                    dateFrom = "time datetime";
                    break;
                }
            }
        }

        var tags = root.QuerySelectorAll("meta[property='article:tag' i]").Select(m => Clean(m.GetAttribute("content")))
            .Concat((Meta(root, "meta[name='keywords' i]") ?? string.Empty).Split(',', '，').Select(Clean))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var extra = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if ((Meta(root, "meta[name='description' i]") ?? Meta(root, "meta[property='og:description' i]")) is { } description)
        {
            extra["description"] = description;
        }

        var metadata = new SourceMetadata(MetadataOrigin.HtmlMeta, title, date,
            Meta(root, "meta[property='og:site_name' i]"),
            Meta(root, "meta[property='og:url' i]") ?? Clean(root.QuerySelector("link[rel='canonical' i]")?.GetAttribute("href")),
            Clean(root.GetAttribute("lang")), tags, extra, dateLine, dateFrom);

        HtmlBlockReader.Clean(document, body);
        var content = body.QuerySelector("article") ?? body.QuerySelector("main") ?? MostParagraphText(body);
        metadata = metadata with { Image = LeadImage(root, content) };
        var blocks = HeaderLines(body, content).Concat(HtmlBlockReader.ReadBlocks(content, 1, keepLineBreaks: false)).ToList();
        return StageResult<(SourceMetadata, IReadOnlyList<TextBlock>)?>.Ok((metadata, blocks));
    }

    /// <summary>
    /// The short lines with a number between the page's headline and its text, when the text was found in an element
    /// that leaves them out: the date-and-source line most pages print under the headline
    /// (<c>&lt;h1&gt;…&lt;/h1&gt;&lt;div class="info"&gt;2024-01-27 09:05 來源：新華網&lt;/div&gt;&lt;div id="detail"&gt;…</c>).
    /// Cleaning moves such lines to the bylines; the headline itself and lines without a number (share and print
    /// buttons) are not taken.
    /// </summary>
    private static IEnumerable<TextBlock> HeaderLines(IElement body, IElement content)
    {
        if (body.QuerySelector("h1") is not { } headline || content.Contains(headline) || headline.Contains(content)
            || !headline.CompareDocumentPosition(content).HasFlag(DocumentPositions.Following))
        {
            yield break;
        }

        for (var element = NextOutside(headline); element is not null && element != content;)
        {
            if (element.Contains(content))
            {
                element = element.FirstElementChild;
                continue;
            }

            foreach (var block in HtmlBlockReader.ReadBlocks(element, 1, keepLineBreaks: false))
            {
                if (block.Text.Length <= MaxHeaderLine && block.Text.Any(c => char.IsDigit(c) || c == '年'))
                {
                    yield return block with { Kind = BlockKind.Paragraph };
                }
            }

            element = NextOutside(element);
        }
    }

    private const int MaxHeaderLine = 100;

    // The element after this one's subtree, in document order.
    private static IElement? NextOutside(IElement element)
    {
        for (var at = element; at is not null; at = at.ParentElement)
        {
            if (at.NextElementSibling is { } next)
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>
    /// The page's lead image: <c>og:image</c> (an absolute https URL; alt from <c>og:image:alt</c>, size from
    /// <c>og:image:width</c>/<c>height</c>), else the first <c>&lt;figure&gt;</c> with an https <c>&lt;img&gt;</c> inside the
    /// article. A figure's <c>&lt;figcaption&gt;</c> is the caption (and the alt when the img has none); a <c>cite</c>,
    /// <c>small</c> or <c>.credit</c> inside it is the credit. Relative or http sources point at nothing the site has,
    /// and an <c>&lt;img&gt;</c> outside a figure is part of the text, not a lead image: neither is used.
    /// </summary>
    private static ArticleImage? LeadImage(IElement root, IElement content)
    {
        var figure = content.QuerySelectorAll("figure").Select(Figure).FirstOrDefault(f => f is not null);
        var og = root.QuerySelector("meta[property='og:image' i]") ?? root.QuerySelector("meta[property='og:image:secure_url' i]");
        if (og is not null && HttpsUrl(og.GetAttribute("content")) is { } url)
        {
            var same = figure?.Source == url ? figure : null;
            return new ArticleImage(url, Meta(root, "meta[property='og:image:alt' i]") ?? same?.Alt, same?.Caption, same?.Credit,
                Pixels(Meta(root, "meta[property='og:image:width' i]")) ?? same?.Width, Pixels(Meta(root, "meta[property='og:image:height' i]")) ?? same?.Height,
                "og:image", LineOf(og));
        }

        return figure;
    }

    private static ArticleImage? Figure(IElement figure)
    {
        var img = figure.QuerySelector("img");
        var url = img is null ? null : HttpsUrl(img.GetAttribute("src")) ?? HttpsUrl(img.GetAttribute("data-src")) ?? HttpsUrl(img.GetAttribute("data-original"));
        if (img is null || url is null)
        {
            return null;
        }

        var caption = figure.QuerySelector("figcaption");
        var creditElement = caption?.QuerySelector("cite, small, .credit");
        var credit = Clean(creditElement?.TextContent);
        var captionText = Clean(caption?.TextContent);
        if (captionText is not null && credit is not null)
        {
            captionText = Clean(captionText.Replace(credit, string.Empty, StringComparison.Ordinal));
        }

        int? width = Pixels(img.GetAttribute("width")), height = Pixels(img.GetAttribute("height"));
        return new ArticleImage(url, Clean(img.GetAttribute("alt")) ?? captionText, captionText, credit,
            width is not null && height is not null ? width : null, width is not null && height is not null ? height : null, "figure", LineOf(img));
    }

    private static string? HttpsUrl(string? value) =>
        Clean(value) is { } text && ImageSources.Check(text) is { Source: { } source } && source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? source : null;

    private static int? Pixels(string? value) =>
        int.TryParse(value?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pixels) && pixels is > 0 and <= 100_000
            ? pixels : null;

    private static IElement MostParagraphText(IElement body)
    {
        var scores = new Dictionary<IElement, int>();
        foreach (var paragraph in body.QuerySelectorAll("p"))
        {
            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + paragraph.TextContent.Trim().Length;
            }
        }

        return scores.Count == 0 ? body : scores.OrderByDescending(kv => kv.Value).First().Key;
    }

    private static string? Meta(IElement root, string selector) => Clean(root.QuerySelector(selector)?.GetAttribute("content"));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int? LineOf(IElement element) => element.SourceReference?.Position.Line;
}
