using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Evaluation;

/// <summary>
/// What the evaluation reads from a build: the timeline's events with their sources, and for each article its
/// publication date, its text and the visible text of its article page in its own script (an English article's: the
/// default rendering's, as both show it as written). Tests build one by hand.
/// </summary>
public sealed partial record DevSetOutput(IReadOnlyList<BuiltEvent> Events, IReadOnlyList<BuiltArticle> Articles)
{
    /// <summary>Reads a build made in memory (<see cref="SiteBuilder"/>); events added by the config are left out.</summary>
    public static DevSetOutput From(SiteBuild build)
    {
        var pages = build.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var events = build.Timeline.Events
            .Where(e => !e.Manual)
            .Select(e => new BuiltEvent(e.Date.ToString(), e.Title, e.Sources.Select(s => new BuiltSource(s.File, s.Sentence)).ToList()))
            .ToList();
        var articles = build.Articles.Select(a =>
        {
            var article = a.Article;
            // An English article is shown as written in both renderings; its own script's page is the default one.
            var script = article.Script == Script.Latin ? build.Config.Site.DefaultScript : article.Script;
            var path = Rendition.PrefixOf(script, build.Config.Site.DefaultScript) + $"articles/{article.Id}/index.html";
            var page = pages.TryGetValue(path, out var file) ? PageText(Encoding.UTF8.GetString(file.Content)) : null;
            var drops = a.Dropped.Where(d => d.Sentence is not null)
                .Select(d => new BuiltDrop(d.Sentence!, d.Expression, BuildReport.Name(d.Reason) + (d.Detail is null ? string.Empty : $" ({d.Detail})")))
                .ToList();
            return new BuiltArticle(article.FileName, article.Published.ToString(), string.Join("\n", article.Blocks.Select(b => b.Text)), page, drops);
        }).ToList();
        return new DevSetOutput(events, articles);
    }

    /// <summary>The text a reader sees in a page's body: scripts, styles and tags removed, entities decoded.</summary>
    public static string PageText(string html)
    {
        var bodyStart = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var body = bodyStart < 0 ? html : html[bodyStart..];
        body = Invisible().Replace(body, " ");
        return WebUtility.HtmlDecode(Tag().Replace(body, string.Empty));
    }

    [GeneratedRegex(@"<(script|style|template)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();
}

/// <summary>A timeline event: its date as written in events.json, its title and its sources.</summary>
public sealed record BuiltEvent(string Date, string Title, IReadOnlyList<BuiltSource> Sources);

/// <summary>One source of an event: the article file and the sentence quoted from it.</summary>
public sealed record BuiltSource(string FileName, string Sentence);

/// <summary>
/// An article as built: its resolved publication date (null when the build left it undated), its text after documented
/// corrections, the visible text of its article page in its own script (null when no page was rendered), and the
/// dates the build dropped from it.
/// </summary>
public sealed record BuiltArticle(string FileName, string? Published, string Text, string? PageText, IReadOnlyList<BuiltDrop>? Drops = null);

/// <summary>A date the build found and did not keep: its sentence, the expression and the reason as report.json names it.</summary>
public sealed record BuiltDrop(string Sentence, string Expression, string Reason);
