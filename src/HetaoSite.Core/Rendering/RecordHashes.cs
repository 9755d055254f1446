using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The hash of each event and article record over everything <see cref="SiteModel"/> builds that record's shared object
/// from (an event's object, an article's summary), besides the rendering itself. A page fingerprint hashes a page object
/// built in <see cref="SharedForm.Records"/>, where these hashes stand in for the objects; each is computed once per
/// build and serves both renderings, so a rebuild where nothing changed builds no event or summary object.
/// </summary>
/// <remarks>
/// Must cover every input of <c>SiteModel.Event</c>, <c>SiteModel.Source</c> and <c>SiteModel.ArticleSummary</c>;
/// texts are hashed as written, since the rendering's script and converter are part of every fingerprint.
/// <c>PageCacheTests</c> changes each of these inputs in turn and compares a cached with an uncached build.
/// </remarks>
internal sealed class RecordHashes(SiteFacts facts)
{
    private readonly ConcurrentDictionary<TimelineEvent, byte[]> _events = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Article, byte[]> _articles = new(ReferenceEqualityComparer.Instance);

    // One buffer per thread: tens of thousands of records are hashed per build, and a fresh buffer each was most of the cost.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>An event's fields, its place in the paged lists, its category's names and colour, and its sources with their articles' titles, outlets and dates.</summary>
    public byte[] Of(TimelineEvent e) => _events.GetOrAdd(e, static (e, self) => self.Hash(e), this);

    /// <summary>What an article's summary shows: id, title, outlet, URL, date, file, script and how many events cite it.</summary>
    public byte[] Of(Article a) => _articles.GetOrAdd(a, static (a, self) => self.Hash(a), this);

    /// <summary>
    /// Hashes every event and article once, in parallel, before pages are fingerprinted. Left to the pages, the two
    /// renderings' year pages (next to each other in the list of jobs) hash the same events at the same moment, and
    /// about a third of the hashes were computed twice.
    /// </summary>
    public void HashAll()
    {
        TimelineEvent[] events = [.. facts.EventsById.Values];
        Article[] articles = [.. facts.ArticlesById.Values.Select(a => a.Article)];
        Parallel.For(0, events.Length, i => Of(events[i]));
        Parallel.For(0, articles.Length, i => Of(articles[i]));
    }

    private byte[] Hash(TimelineEvent e)
    {
        var buffer = Buffer();
        foreach (var text in (ReadOnlySpan<string?>)[
            "event", e.Id, e.Date.ToString(), e.End?.ToString(), e.Title, e.Category,
            e.Planned ? "planned" : "-", e.Approximate ? "approximate" : "-", e.Manual ? "manual" : "-",
            facts.Pages.EventPath(e), facts.Pages.YearEventPath(e),
            facts.CategoryName(e.Category, Script.Hans), facts.CategoryName(e.Category, Script.Hant), facts.CategoryClass(e.Category)])
        {
            PageFingerprints.Text(buffer, text);
        }

        foreach (var source in e.Sources)
        {
            foreach (var text in (ReadOnlySpan<string?>)["source", source.File, source.ArticleId, source.Anchor, source.Sentence, source.Expression])
            {
                PageFingerprints.Text(buffer, text);
            }

            // What the source shows of its article (SiteModel.Source): not the whole summary, whose event count changes
            // with events elsewhere.
            var article = facts.ArticlesById.GetValueOrDefault(source.ArticleId)?.Article;
            foreach (var text in (ReadOnlySpan<string?>)[article is null ? "-" : "article", article?.Title, article?.Outlet, article?.Published.ToString()])
            {
                PageFingerprints.Text(buffer, text);
            }
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static ArrayBufferWriter<byte> Buffer()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        return buffer;
    }

    private byte[] Hash(Article a)
    {
        var buffer = Buffer();
        foreach (var text in (ReadOnlySpan<string?>)[
            "article", a.Id, a.Title, a.Outlet, a.Url, a.Published.ToString(), a.FileName, a.Script.ToString(),
            facts.EventCountByArticle.GetValueOrDefault(a.Id).ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            PageFingerprints.Text(buffer, text);
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }
}
