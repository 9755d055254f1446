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

    private static readonly JsonEncodedText K = JsonOutput.Name("k");
    private static readonly JsonEncodedText P = JsonOutput.Name("p");
    private static readonly JsonEncodedText T = JsonOutput.Name("t");
    private static readonly JsonEncodedText A = JsonOutput.Name("a");

    /// <summary><c>k</c> of each <see cref="DocKind"/>.</summary>
    private static readonly JsonEncodedText[] Kinds = [JsonOutput.Name("e"), JsonOutput.Name("a"), JsonOutput.Name("s")];

    private enum DocKind
    {
        Event,
        Article,
        Sentence,
    }

    /// <summary>The index as a JSON tree (for tests; the build writes <see cref="ToBytes"/>).</summary>
    public static JsonObject Build(SiteContent content, IReadOnlyList<Rendition> renditions) =>
        JsonNode.Parse(ToBytes(content, renditions))!.AsObject();

    /// <summary>
    /// The index as compact UTF-8 JSON, written directly: at ten thousand articles it has a hundred thousand docs and
    /// millions of bigram occurrences. Docs are listed in order first; their texts in each script and their bigrams
    /// are then found in parallel over contiguous runs of docs, each run keeping its own postings (ascending doc ids),
    /// which are joined run by run, so the result is the same as going through the docs one by one.
    /// </summary>
    /// <param name="pages">Where the timeline lists each event (the renderer's); computed from the content when null.</param>
    public static byte[] ToBytes(SiteContent content, IReadOnlyList<Rendition> renditions, TimelinePages? pages = null)
    {
        pages ??= TimelinePages.Build(content.Timeline.Events, content.Config.Site.Paginate, content.Config.Site.NewestFirst);
        var docs = Docs(content, pages);
        var texts = new string[docs.Count][];
        var runs = Runs(docs.Count);
        var found = new Dictionary<long, List<int>>[runs.Count];
        Parallel.For(0, runs.Count, r => found[r] = Index(docs, renditions, texts, runs[r]));

        var postings = new Dictionary<long, List<int>>();
        foreach (var run in found)
        {
            foreach (var (key, ids) in run)
            {
                if (postings.TryGetValue(key, out var list))
                {
                    list.AddRange(ids);
                }
                else
                {
                    postings[key] = ids;
                }
            }
        }

        var bigrams = postings.Select(p => (Key: Text(p.Key), Ids: p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return Write(renditions, docs, texts, bigrams);
    }

    /// <summary>
    /// Events in timeline order, then articles, then the sentences events cite in article and sentence order; a text
    /// already indexed for its kind is left out. A sentence points at its article's doc (the doc of the first article
    /// with the same title, when titles repeat).
    /// </summary>
    private static List<Doc> Docs(SiteContent content, TimelinePages pages)
    {
        var docs = new List<Doc>();
        var indexed = new HashSet<(DocKind Kind, string Text)>();

        int? Add(DocKind kind, string path, string text, int? article)
        {
            if (!indexed.Add((kind, text)))
            {
                return null;
            }

            docs.Add(new Doc(kind, path, text, article));
            return docs.Count - 1;
        }

        var cited = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in content.Timeline.Events)
        {
            Add(DocKind.Event, pages.EventPath(e).TrimStart('/'), e.Title, null);
            foreach (var source in e.Sources)
            {
                if (!cited.TryGetValue(source.ArticleId, out var anchors))
                {
                    cited[source.ArticleId] = anchors = new HashSet<string>(StringComparer.Ordinal);
                }

                anchors.Add(source.Anchor);
            }
        }

        var articleDocs = new Dictionary<string, int>(StringComparer.Ordinal);
        var titleDocs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var extraction in content.Articles)
        {
            var article = extraction.Article;
            if (Add(DocKind.Article, $"articles/{article.Id}/", article.Title, null) is { } found)
            {
                titleDocs[article.Title] = found;
            }

            articleDocs[article.Id] = titleDocs[article.Title];
        }

        Span<char> anchor = stackalloc char[32];
        foreach (var extraction in content.Articles)
        {
            var article = extraction.Article;
            if (!cited.TryGetValue(article.Id, out var anchors))
            {
                continue;
            }

            var lookup = anchors.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var sentence in extraction.Sentences)
            {
                // Sentence.Anchor ("s{block}-{index}") without making a string for every sentence of every article.
                if (anchor.TryWrite(CultureInfo.InvariantCulture, $"s{sentence.Block}-{sentence.Index}", out var length)
                    ? lookup.Contains(anchor[..length])
                    : anchors.Contains(sentence.Anchor))
                {
                    Add(DocKind.Sentence, $"articles/{article.Id}/#{sentence.Anchor}", sentence.Text, articleDocs[article.Id]);
                }
            }
        }

        return docs;
    }

    /// <summary>Contiguous runs of doc ids, a few per processor so that uneven runs even out.</summary>
    private static List<Range> Runs(int count)
    {
        var runs = new List<Range>();
        var size = Math.Max(1024, (count / (Environment.ProcessorCount * 4)) + 1);
        for (var start = 0; start < count; start += size)
        {
            runs.Add(new Range(start, Math.Min(count, start + size)));
        }

        return runs;
    }

    /// <summary>The texts of the docs in <paramref name="run"/> in each script, and the docs each of their bigrams is in.</summary>
    private static Dictionary<long, List<int>> Index(List<Doc> docs, IReadOnlyList<Rendition> renditions, string[][] texts, Range run)
    {
        var postings = new Dictionary<long, List<int>>();
        var lower = new char[256];
        for (var id = run.Start.Value; id < run.End.Value; id++)
        {
            var scripts = new string[renditions.Count];
            for (var r = 0; r < scripts.Length; r++)
            {
                var text = scripts[r] = renditions[r].Text(docs[id].Text);
                if (lower.Length < text.Length)
                {
                    lower = new char[text.Length * 2];
                }

                var length = text.AsSpan().ToLowerInvariant(lower);
                var previous = -1;
                foreach (var rune in lower.AsSpan(0, length).EnumerateRunes())
                {
                    var current = Rune.IsLetterOrDigit(rune) ? rune.Value : -1;
                    if (previous >= 0 && current >= 0)
                    {
                        var key = ((long)previous << 21) | (uint)current;
                        if (!postings.TryGetValue(key, out var list))
                        {
                            postings[key] = list = [];
                        }

                        // A doc lists a bigram once, however often its texts contain it.
                        if (list.Count == 0 || list[^1] != id)
                        {
                            list.Add(id);
                        }
                    }

                    previous = current;
                }
            }

            texts[id] = scripts;
        }

        return postings;
    }

    /// <summary>A bigram key (two scalar values) as text.</summary>
    private static string Text(long key)
    {
        Span<char> chars = stackalloc char[4];
        var length = new Rune((int)(key >> 21)).EncodeToUtf16(chars);
        length += new Rune((int)(key & 0x1FFFFF)).EncodeToUtf16(chars[length..]);
        return new string(chars[..length]);
    }

    private static byte[] Write(IReadOnlyList<Rendition> renditions, List<Doc> docs, string[][] texts, List<(string Key, List<int> Ids)> bigrams)
    {
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
            for (var id = 0; id < docs.Count; id++)
            {
                var doc = docs[id];
                json.WriteStartObject();
                json.WriteString(K, Kinds[(int)doc.Kind]);
                json.WriteString(P, doc.Path);
                json.WriteStartArray(T);
                foreach (var text in texts[id])
                {
                    json.WriteStringValue(text);
                }

                json.WriteEndArray();
                if (doc.Article is { } a)
                {
                    json.WriteNumber(A, a);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("bigrams");
            foreach (var (key, ids) in bigrams.Where(b => b.Ids.Count <= MaxPostings))
            {
                json.WriteStartArray(key);
                foreach (var id in ids)
                {
                    json.WriteNumberValue(id);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartArray("common");
            foreach (var (key, _) in bigrams.Where(b => b.Ids.Count > MaxPostings))
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

    private sealed record Doc(DocKind Kind, string Path, string Text, int? Article);
}
