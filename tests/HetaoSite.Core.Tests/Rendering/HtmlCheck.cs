using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>Parses rendered HTML with AngleSharp and collects parse errors.</summary>
public static class HtmlCheck
{
    public static (IHtmlDocument Document, IReadOnlyList<string> Errors) Parse(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) =>
        {
            if (e is HtmlErrorEvent error)
            {
                errors.Add($"line {error.Position.Line}, column {error.Position.Column}: {error.Message}");
            }
        };
        var document = parser.ParseDocument(html);
        return (document, errors);
    }

    public static IHtmlDocument Document(string html) => Parse(html).Document;

    /// <summary>Every href and src in the document (links, scripts, stylesheets, svg links).</summary>
    public static IEnumerable<string> Links(IDocument document) =>
        document.All.SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src") }).OfType<string>();
}
