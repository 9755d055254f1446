using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>data/search-index.json</c>, a character-bigram index built at build time for <c>static/js/search.js</c>:
/// <code>
/// {"scripts": ["zh-Hant","zh-Hans"],
///  "docs": [{"k": "e"|"a"|"s", "p": "#event-id" | "articles/id/" | "articles/id/#s0-1", "t": [text per script], "a": article doc}],
///  "bigrams": {"河套": [0, 4, 9], ...},
///  "common": ["合作", ...]}
/// </code>
/// <c>p</c> is relative to a script's root, so one index serves both scripts; <c>t</c> holds the text in each script
/// of <c>scripts</c> and the bigrams of all of them point to the same doc. Docs are events, articles and the sentences
/// events cite; each distinct text is indexed once per kind (the first in timeline or file order: a sentence quoted by
/// many events or repeated by many articles is one doc, not one per source). A bigram in more than
/// <see cref="MaxPostings"/> docs is listed in <c>common</c> instead of <c>bigrams</c>: it narrows nothing, and search.js
/// skips it and checks the text itself.
/// </summary>
public static class SearchIndex
{
    /// <summary>The most docs a bigram may list; more and it goes to <c>common</c>.</summary>
    public const int MaxPostings = 4000;

    /// <summary>The index as a JSON tree (for tests; the build writes <see cref="ToBytes"/>).</summary>
    public static JsonObject Build(SiteContent content, IReadOnlyList<Rendition> renditions) =>
        JsonNode.Parse(ToBytes(content, renditions))!.AsObject();

    /// <summary>
    /// The index as compact UTF-8 JSON, written directly: at ten thousand articles it has hundreds of thousands of docs,
    /// and building a <see cref="JsonNode"/> tree for it first cost more than everything else the index needs.
    /// </summary>
    /// <param name="pages">Where the timeline lists each event (the renderer's); computed from the content when null.</param>
    public static byte[] ToBytes(SiteContent content, IReadOnlyList<Rendition> renditions, TimelinePages? pages = null)
    {
        var docs = new List<(string Kind, string Path, string[] Texts, int? Article)>();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var indexed = new HashSet<(string Kind, string Text)>();

        int? Add(string kind, string path, string text, int? article)
        {
            if (!indexed.Add((kind, text)))
            {
                return null;
            }

            var id = docs.Count;
            var texts = renditions.Select(r => r.Text(text)).ToArray();
            docs.Add((kind, path, texts, article));
            seen.Clear();
            foreach (var bigram in texts.SelectMany(Bigrams))
            {
                if (!seen.Add(bigram))
                {
                    continue;
                }

                if (!postings.TryGetValue(bigram, out var list))
                {
                    postings[bigram] = list = [];
                }

                list.Add(id);
            }

            return id;
        }

        var cited = new HashSet<(string ArticleId, string Anchor)>();
        pages ??= TimelinePages.Build(content.Timeline.Events, content.Config.Site.Paginate, content.Config.Site.NewestFirst);
        foreach (var e in content.Timeline.Events)
        {
            Add("e", pages.EventPath(e).TrimStart('/'), e.Title, null);
            foreach (var source in e.Sources)
            {
                cited.Add((source.ArticleId, source.Anchor));
            }
        }

        // A sentence's context is its article's title: an article whose title is already indexed points at that doc.
        var articleDocs = new Dictionary<string, int>(StringComparer.Ordinal);
        var titleDocs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var extraction in content.Articles)
        {
            var article = extraction.Article;
            if (Add("a", $"articles/{article.Id}/", article.Title, null) is { } found)
            {
                titleDocs[article.Title] = found;
            }

            articleDocs[article.Id] = titleDocs[article.Title];
        }

        foreach (var extraction in content.Articles)
        {
            var article = extraction.Article;
            foreach (var sentence in extraction.Sentences.Where(s => cited.Contains((article.Id, s.Anchor))))
            {
                Add("s", $"articles/{article.Id}/#{sentence.Anchor}", sentence.Text, articleDocs[article.Id]);
            }
        }

        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOutput.Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("scripts");
            foreach (var rendition in renditions)
            {
                json.WriteStringValue(rendition.Lang);
            }

            json.WriteEndArray();
            json.WriteStartArray("docs");
            foreach (var (kind, path, texts, article) in docs)
            {
                json.WriteStartObject();
                json.WriteString("k", kind);
                json.WriteString("p", path);
                json.WriteStartArray("t");
                foreach (var text in texts)
                {
                    json.WriteStringValue(text);
                }

                json.WriteEndArray();
                if (article is { } a)
                {
                    json.WriteNumber("a", a);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("bigrams");
            foreach (var key in postings.Keys.Where(k => postings[k].Count <= MaxPostings).Order(StringComparer.Ordinal))
            {
                json.WriteStartArray(key);
                foreach (var id in postings[key])
                {
                    json.WriteNumberValue(id);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartArray("common");
            foreach (var key in postings.Keys.Where(k => postings[k].Count > MaxPostings).Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Overlapping pairs of letters or digits, lower-cased; anything else (spaces, punctuation) splits the text.
    /// Must match <c>bigrams()</c> in search.js.
    /// </summary>
    /// <example>"河套 合作區" → 河套, 合作, 作區.</example>
    public static IEnumerable<string> Bigrams(string text)
    {
        var previous = default(Rune?);
        foreach (var rune in text.ToLower(CultureInfo.InvariantCulture).EnumerateRunes())
        {
            var current = Rune.IsLetterOrDigit(rune) ? rune : (Rune?)null;
            if (previous is { } p && current is { } c)
            {
                yield return string.Concat(p.ToString(), c.ToString());
            }

            previous = current;
        }
    }
}
