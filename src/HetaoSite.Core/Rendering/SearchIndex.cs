using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>data/search-index.json</c>, a character-bigram index built at build time for <c>static/js/search.js</c>:
/// <code>
/// {"scripts": ["zh-Hant","zh-Hans"],
///  "docs": [{"k": "e"|"a"|"s", "p": "#event-id" | "articles/id/" | "articles/id/#s0-1", "t": [text per script], "a": article doc}],
///  "bigrams": {"河套": [0, 4, 9], ...},
///  "common": ["合作", ...]}
/// </code>
/// <c>p</c> is relative to a script's root, so one index serves both scripts; <c>t</c> holds the text as each script's
/// rendering of <c>scripts</c> shows it (as written in the script it is written in, converted in the other), and the
/// bigrams of all of them point to the same doc, so a query typed in either script finds it. Docs are events, articles and the sentences
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

    private static readonly ReadOnlyMemory<byte> DocsEnd = "],\"bigrams\":{"u8.ToArray();

    private static readonly ReadOnlyMemory<byte> BigramsEnd = "},\"common\":"u8.ToArray();

    private static readonly ReadOnlyMemory<byte> End = "}"u8.ToArray();

    private enum DocKind
    {
        Event,
        Article,
        Sentence,
    }

    /// <summary>The index as a JSON tree (for tests; the build writes <see cref="ToBytes(SiteContent, IReadOnlyList{Rendition})"/>).</summary>
    public static JsonObject Build(SiteContent content, IReadOnlyList<Rendition> renditions) =>
        JsonNode.Parse(ToBytes(content, renditions))!.AsObject();

    /// <summary>
    /// The index as compact UTF-8 JSON, written directly: at ten thousand articles it has a hundred thousand docs and
    /// millions of bigram occurrences. Docs are listed in order first; their texts in each script and their bigrams are
    /// then found in parallel over contiguous runs of docs, each run keeping its own postings (ascending doc ids), which
    /// are joined run after run, so the result is the same as going through the docs one by one.
    /// </summary>
    public static byte[] ToBytes(SiteContent content, IReadOnlyList<Rendition> renditions) => ToBytes(new SiteFacts(content), renditions);

    /// <summary>The index, from what the renderer already knows (where the timeline lists each event, which events cite each article).</summary>
    internal static byte[] ToBytes(SiteFacts facts, IReadOnlyList<Rendition> renditions)
    {
        var pages = facts.Pages;
        var docs = Docs(facts.Content, facts.EventsByArticle);
        var texts = new string[docs.Count * renditions.Count];
        var ranges = JsonPieces.Runs(docs.Count, 1024);
        // A doc lists about as many bigrams as its text has characters (the other script adds a few).
        var runs = ranges.Select(r => new BigramPostings.Run(TextLength(docs, r) * 5 / 4)).ToList();
        Parallel.For(0, ranges.Count, r => Index(docs, renditions, texts, ranges[r], runs[r]));
        var postings = BigramPostings.Merge(runs);
        var bigrams = Enumerable.Range(0, postings.Keys.Count).Select(k => (Text: BigramPostings.Text(postings.Keys[k]), Index: k))
            .OrderBy(b => b.Text, StringComparer.Ordinal).ToList();
        return Write(renditions, docs, texts, pages, postings, bigrams);
    }

    /// <summary>
    /// Events in timeline order, then articles, then the sentences events cite in article and sentence order; a text
    /// already indexed for its kind is left out. A sentence points at its article's doc (the doc of the first article
    /// with the same title, when titles repeat). Which sentences of an article are cited is found for all articles in
    /// parallel (ten thousand articles have hundreds of thousands of sentences); the docs are then listed in order.
    /// </summary>
    private static List<Doc> Docs(SiteContent content, Dictionary<string, List<TimelineEvent>> eventsByArticle)
    {
        var events = content.Timeline.Events;
        var articles = content.Articles;
        var citedSentences = new Sentence[articles.Count][];
        Parallel.For(0, articles.Count, a => citedSentences[a] = CitedSentences(articles[a], eventsByArticle));

        var docs = new List<Doc>(events.Count + articles.Count + citedSentences.Sum(c => c.Length));
        var indexed = new HashSet<string>[]
        {
            new(events.Count, StringComparer.Ordinal),
            new(articles.Count, StringComparer.Ordinal),
            new(docs.Capacity - events.Count - articles.Count, StringComparer.Ordinal),
        };

        int? Add(Doc doc)
        {
            if (!indexed[(int)doc.Kind].Add(doc.Text))
            {
                return null;
            }

            docs.Add(doc);
            return docs.Count - 1;
        }

        foreach (var e in events)
        {
            Add(new Doc(DocKind.Event, e.Title, e.TitleScript ?? Conversion.Scripts.Of(e.Title), null, e.Id, Event: e));
        }

        var articleDocs = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        var titleDocs = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        foreach (var extraction in articles)
        {
            var article = extraction.Article;
            if (Add(new Doc(DocKind.Article, article.Title, article.Script, null, article.Id)) is { } found)
            {
                titleDocs[article.Title] = found;
            }

            articleDocs[article.Id] = titleDocs[article.Title];
        }

        for (var a = 0; a < articles.Count; a++)
        {
            var extraction = articles[a];
            foreach (var sentence in citedSentences[a])
            {
                Add(new Doc(DocKind.Sentence, sentence.Text, extraction.Article.Script, articleDocs[extraction.Article.Id], extraction.Article.Id, sentence));
            }
        }

        return docs;
    }

    /// <summary>
    /// Which of the article's sentences events cite, in order. They are looked for among the sentences of its statements
    /// first (every statement's sentence is one of the article's): only a sentence cited by a manual event
    /// (<c>events.add</c>) can be elsewhere, and only then are all the article's sentences searched. (block, index) pairs
    /// are compared rather than every sentence's anchor string made, unless an anchor is not one
    /// <see cref="Sentence.Anchor"/> makes.
    /// </summary>
    private static Sentence[] CitedSentences(ArticleExtraction extraction, Dictionary<string, List<TimelineEvent>> eventsByArticle)
    {
        var id = extraction.Article.Id;
        if (!eventsByArticle.TryGetValue(id, out var citing))
        {
            return [];
        }

        var anchors = citing.SelectMany(e => e.Sources).Where(s => string.Equals(s.ArticleId, id, StringComparison.Ordinal)).Select(s => s.Anchor).ToList();
        var positions = Positions(anchors);
        var strings = positions is null ? new HashSet<string>(anchors, StringComparer.Ordinal) : null;
        bool IsCited(Sentence sentence) => positions?.Contains(Position(sentence.Block, sentence.Index)) ?? strings!.Contains(sentence.Anchor);

        var found = new Dictionary<long, Sentence>();
        foreach (var statement in extraction.Statements)
        {
            if (IsCited(statement.Sentence))
            {
                found.TryAdd(Position(statement.Sentence.Block, statement.Sentence.Index), statement.Sentence);
            }
        }

        if (found.Count < (positions?.Count ?? strings!.Count))
        {
            found.Clear();
            foreach (var sentence in extraction.Sentences.Where(IsCited))
            {
                found.TryAdd(Position(sentence.Block, sentence.Index), sentence);
            }
        }

        return [.. found.OrderBy(f => f.Key).Select(f => f.Value)];
    }

    /// <summary>The (block, index) of each anchor, or null when one of them is not exactly what <see cref="Sentence.Anchor"/> makes of its numbers.</summary>
    private static HashSet<long>? Positions(List<string> anchors)
    {
        var positions = new HashSet<long>();
        foreach (var anchor in anchors)
        {
            var dash = anchor.IndexOf('-', StringComparison.Ordinal);
            if (!anchor.StartsWith('s') || dash < 0
                || !int.TryParse(anchor.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var block)
                || !int.TryParse(anchor.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || !string.Equals(new Sentence(block, index, 0, string.Empty).Anchor, anchor, StringComparison.Ordinal))
            {
                return null;
            }

            positions.Add(Position(block, index));
        }

        return positions;
    }

    private static long Position(int block, int index) => ((long)block << 32) | (uint)index;

    private static int TextLength(List<Doc> docs, Range range)
    {
        var length = 0;
        foreach (var doc in CollectionsMarshal.AsSpan(docs)[range])
        {
            length += doc.Text.Length;
        }

        return length;
    }

    /// <summary>The texts of the docs in <paramref name="range"/> in each script (into <paramref name="texts"/>) and their bigrams (into <paramref name="run"/>).</summary>
    private static void Index(List<Doc> docs, IReadOnlyList<Rendition> renditions, string[] texts, Range range, BigramPostings.Run run)
    {
        var first = new char[256];
        var other = new char[256];
        var scripts = renditions.Count;
        for (var id = range.Start.Value; id < range.End.Value; id++)
        {
            var firstLength = 0;
            for (var r = 0; r < scripts; r++)
            {
                var text = texts[(id * scripts) + r] = renditions[r].Text(docs[id].Text, docs[id].Written);
                if (r > 0 && string.Equals(text, texts[id * scripts], StringComparison.Ordinal))
                {
                    continue;
                }

                ref var lower = ref r == 0 ? ref first : ref other;
                if (lower.Length < text.Length)
                {
                    lower = new char[text.Length * 2];
                }

                var length = text.AsSpan().ToLowerInvariant(lower);
                if (r == 0)
                {
                    firstLength = length;
                }

                // The same letters at the same place in another script's text make the same bigram (most characters read
                // the same in both scripts): only bigrams that differ from the first script's need adding.
                var same = r > 0 && length == firstLength ? first.AsSpan(0, firstLength) : default;
                AddBigrams(run, lower.AsSpan(0, length), same, id);
            }
        }
    }

    /// <summary>The bigrams of <see cref="Bigrams"/>, except those with the same characters at the same place in <paramref name="same"/>.</summary>
    private static void AddBigrams(BigramPostings.Run run, ReadOnlySpan<char> text, ReadOnlySpan<char> same, int id)
    {
        if (text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && same.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            // No surrogates (nearly every text): a character is a scalar value.
            if (same.IsEmpty)
            {
                AddBigrams(run, text, id);
            }
            else
            {
                AddChangedBigrams(run, text, same, id);
            }

            return;
        }

        var previous = -1;
        var start = 0;
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var current = Rune.IsLetterOrDigit(rune) ? rune.Value : -1;
            var end = at + rune.Utf16SequenceLength;
            if (previous >= 0 && current >= 0 && (same.IsEmpty || !text[start..end].SequenceEqual(same[start..end])))
            {
                run.Add(BigramPostings.Pack(previous, current), id);
            }

            previous = current;
            start = at;
            at = end;
        }
    }

    /// <summary>The bigrams of a text without surrogates.</summary>
    private static void AddBigrams(BigramPostings.Run run, ReadOnlySpan<char> text, int id)
    {
        var previous = -1;
        foreach (var c in text)
        {
            var current = Rune.IsLetterOrDigit(new Rune(c)) ? c : -1;
            if (previous >= 0 && current >= 0)
            {
                run.Add(BigramPostings.Pack(previous, current), id);
            }

            previous = current;
        }
    }

    /// <summary>
    /// The bigrams of a text without surrogates that differ from those at the same place in <paramref name="same"/> (as
    /// long, no surrogates either): the pairs around each character that differs, found by comparing the texts a
    /// vector at a time. A pair around two differing characters is offered twice; a doc lists a bigram once.
    /// </summary>
    private static void AddChangedBigrams(BigramPostings.Run run, ReadOnlySpan<char> text, ReadOnlySpan<char> same, int id)
    {
        for (var at = text.CommonPrefixLength(same); at < text.Length; at += 1 + text[(at + 1)..].CommonPrefixLength(same[(at + 1)..]))
        {
            if (at > 0)
            {
                AddPair(run, text[at - 1], text[at], id);
            }

            if (at + 1 < text.Length)
            {
                AddPair(run, text[at], text[at + 1], id);
            }
        }
    }

    private static void AddPair(BigramPostings.Run run, char first, char second, int id)
    {
        if (Rune.IsLetterOrDigit(new Rune(first)) && Rune.IsLetterOrDigit(new Rune(second)))
        {
            run.Add(BigramPostings.Pack(first, second), id);
        }
    }

    /// <summary>
    /// Writes the index in pieces side by side (<see cref="JsonPieces"/>): runs of docs and runs of bigrams, each with a
    /// writer of its own, joined with what surrounds them.
    /// </summary>
    private static byte[] Write(IReadOnlyList<Rendition> renditions, List<Doc> docs, string[] texts, TimelinePages pages,
        BigramPostings postings, List<(string Text, int Index)> bigrams)
    {
        var listed = bigrams.Where(b => postings.Ids(b.Index).Length <= MaxPostings).ToList();
        var docRuns = JsonPieces.Runs(docs.Count, 4096);
        var bigramRuns = JsonPieces.Runs(listed.Count, 256);
        var pieces = new PooledBufferWriter[docRuns.Count + bigramRuns.Count + 2];
        var starts = new int[pieces.Length];
        try
        {
            Parallel.For(0, pieces.Length - 2, i => pieces[i] = i < docRuns.Count
                ? JsonPieces.Items(indented: false, properties: false, 256 * Length(docRuns[i]),
                    json => WriteDocs(json, docs, texts, renditions.Count, pages, docRuns[i]), out starts[i])
                : JsonPieces.Items(indented: false, properties: true,
                    listed[bigramRuns[i - docRuns.Count]].Sum(b => 16 + (8 * postings.Ids(b.Index).Length)),
                    json => WriteBigrams(json, postings, listed, bigramRuns[i - docRuns.Count]), out starts[i]));
            var head = pieces[^2] = new PooledBufferWriter(256);
            using (var json = JsonOutput.Writer(head, indented: false))
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
            }

            var common = pieces[^1] = new PooledBufferWriter(1 << 12);
            using (var json = JsonOutput.Writer(common, indented: false))
            {
                json.WriteStartArray();
                foreach (var (text, _) in bigrams.Where(b => postings.Ids(b.Index).Length > MaxPostings))
                {
                    json.WriteStringValue(text);
                }

                json.WriteEndArray();
            }

            var segments = new List<ReadOnlyMemory<byte>> { head.WrittenMemory };
            Join(segments, pieces, starts, 0, docRuns.Count);
            segments.Add(DocsEnd);
            Join(segments, pieces, starts, docRuns.Count, bigramRuns.Count);
            segments.Add(BigramsEnd);
            segments.Add(common.WrittenMemory);
            segments.Add(End);
            return JsonPieces.Concat(segments);
        }
        finally
        {
            foreach (var piece in pieces)
            {
                piece?.Dispose();
            }
        }
    }

    /// <summary>The items of <paramref name="count"/> pieces from <paramref name="first"/> on, commas between.</summary>
    private static void Join(List<ReadOnlyMemory<byte>> segments, PooledBufferWriter[] pieces, int[] starts, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            if (i > first)
            {
                segments.Add(JsonPieces.Comma);
            }

            segments.Add(pieces[i].WrittenMemory[starts[i]..]);
        }
    }

    private static int Length(Range run) => run.End.Value - run.Start.Value;

    private static void WriteDocs(Utf8JsonWriter json, List<Doc> docs, string[] texts, int scripts, TimelinePages pages, Range run)
    {
        var path = new char[256];
        for (var id = run.Start.Value; id < run.End.Value; id++)
        {
            var doc = docs[id];
            json.WriteStartObject();
            json.WriteString(K, Kinds[(int)doc.Kind]);
            json.WriteString(P, Path(doc, pages, ref path));
            json.WriteStartArray(T);
            foreach (var text in texts.AsSpan(id * scripts, scripts))
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
    }

    /// <summary>
    /// Where a doc is, relative to a script's root: <c>#id</c> or <c>years/2024/#id</c> (where the timeline lists the
    /// event), <c>articles/id/</c>, <c>articles/id/#s0-1</c>. Made while writing, in <paramref name="buffer"/>.
    /// </summary>
    private static ReadOnlySpan<char> Path(Doc doc, TimelinePages pages, ref char[] buffer)
    {
        if (doc.Event is { } e)
        {
            return pages.EventPath(e).AsSpan().TrimStart('/');
        }

        int length;
        while (!(doc.Sentence is { } sentence
            ? buffer.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"articles/{doc.Id}/#{sentence.Anchor}", out length)
            : buffer.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"articles/{doc.Id}/", out length)))
        {
            buffer = new char[buffer.Length * 2];
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>Each bigram's doc ids, formatted here and written raw: a hundred thousand docs make millions of ids.</summary>
    private static void WriteBigrams(Utf8JsonWriter json, BigramPostings postings, List<(string Text, int Index)> bigrams, Range run)
    {
        var ids = new PooledBufferWriter(1 << 12);
        try
        {
            for (var i = run.Start.Value; i < run.End.Value; i++)
            {
                var (key, index) = bigrams[i];
                var list = postings.Ids(index);
                ids.Clear();
                ids.Write("["u8);
                for (var j = 0; j < list.Length; j++)
                {
                    if (j > 0)
                    {
                        ids.Write(","u8);
                    }

                    var span = ids.GetSpan(11);
                    list[j].TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
                    ids.Advance(written);
                }

                ids.Write("]"u8);
                json.WritePropertyName(key);
                json.WriteRawValue(ids.WrittenSpan, skipInputValidation: true);
            }
        }
        finally
        {
            ids.Dispose();
        }
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

    /// <summary>A doc: its kind, text, the doc of its article (sentences), and what its path is made of.</summary>
    /// <param name="Id">The event's or article's id.</param>
    /// <param name="Written">The script <paramref name="Text"/> is written in: shown as written in that script's rendering, converted in the other.</param>
    private readonly record struct Doc(DocKind Kind, string Text, Script Written, int? Article, string Id, Sentence? Sentence = null, TimelineEvent? Event = null);
}
