using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The search index for <c>static/js/search.js</c>, split so that a query fetches only what it needs (see
/// <see cref="SearchShards"/> for the split and the file names):
/// <list type="bullet">
/// <item><c>data/search-index.json</c>, the manifest, fetched first:
/// <c>{"version":3, "scripts":["zh-Hant","zh-Hans"], "docs":N, "hash":"fnv1a32", "shards":S, "postings":[hash of each shard],
/// "chunks":[docs in each chunk], "fragments":[[hash of each chunk] per script], "fold":["發區…","发区…"]}</c>.</item>
/// <item><c>data/search/p-{shard}-{hash}.json</c>: <c>{"bigram":[first doc id, gap to the next, …], …}</c> for the bigrams
/// of one shard, in folded form (<see cref="SearchFold"/>): the docs whose text in any script contains the bigram.</item>
/// <item><c>data/search/{script}-{hash}.json</c>: <c>[{"k","p","h","d"?,"dt"?,"approx"?,"t"?}, …]</c>, the docs of one chunk
/// as one script's rendering shows them: kind (<c>e</c> event, <c>a</c> article, <c>s</c> sentence), path relative to
/// the script's root, headline (the event's or the article's title), date (ISO and as written on the site, approx when
/// the event's date is approximate), and the matched text when it is not the headline (a sentence).</item>
/// </list>
/// Docs are events, articles and the sentences events cite; each distinct text is indexed once per kind (the first in
/// timeline or file order: a sentence quoted by many events or repeated by many articles is one doc, not one per source).
/// </summary>
public static class SearchIndex
{
    /// <summary>The manifest's path.</summary>
    public const string ManifestPath = "data/search-index.json";

    private static readonly JsonEncodedText K = JsonOutput.Name("k");
    private static readonly JsonEncodedText P = JsonOutput.Name("p");
    private static readonly JsonEncodedText H = JsonOutput.Name("h");
    private static readonly JsonEncodedText D = JsonOutput.Name("d");
    private static readonly JsonEncodedText Dt = JsonOutput.Name("dt");
    private static readonly JsonEncodedText Approx = JsonOutput.Name("approx");
    private static readonly JsonEncodedText T = JsonOutput.Name("t");

    /// <summary><c>k</c> of each <see cref="DocKind"/>.</summary>
    private static readonly JsonEncodedText[] Kinds = [JsonOutput.Name("e"), JsonOutput.Name("a"), JsonOutput.Name("s")];

    private enum DocKind
    {
        Event,
        Article,
        Sentence,
    }

    /// <summary>The manifest, the posting shards and the fragment chunks (manifest first, then by path).</summary>
    public static IReadOnlyList<OutputFile> Files(SiteContent content, IReadOnlyList<Rendition> renditions) => Files(new SiteFacts(content), renditions);

    /// <summary>
    /// The index, from what the renderer already knows (where the timeline lists each event, which events cite each
    /// article). Docs are listed in order first; their texts in each script, then the fold map, then their bigrams are
    /// found in parallel over contiguous runs of docs, each run keeping its own postings (ascending doc ids), which are
    /// joined run after run, so the result is the same as going through the docs one by one.
    /// </summary>
    internal static IReadOnlyList<OutputFile> Files(SiteFacts facts, IReadOnlyList<Rendition> renditions)
    {
        var docs = Docs(facts);
        var scripts = renditions.Count;
        var texts = new string[docs.Count * scripts];
        var ranges = JsonPieces.Runs(docs.Count, 1024);
        Parallel.For(0, ranges.Count, r => Texts(docs, renditions, texts, ranges[r]));
        var fold = SearchFold.Build(texts, renditions[0].Converter);

        // A doc lists about as many bigrams as its text has characters (the other script adds a few).
        var runs = ranges.Select(r => new BigramPostings.Run(TextLength(docs, r) * 5 / 4)).ToList();
        Parallel.For(0, ranges.Count, r => Index(texts, scripts, fold, ranges[r], runs[r]));
        var postings = BigramPostings.Merge(runs);
        var bigrams = postings.Keys.Select(BigramPostings.Text).ToList();

        var shards = SearchShards.ShardCount(PostingBytes(postings));
        var assigned = SearchShards.Assign(bigrams, shards);
        var shardFiles = new OutputFile[shards];
        Parallel.For(0, shards, s => shardFiles[s] = WriteShard(s, assigned[s], bigrams, postings));

        var starts = SearchShards.ChunkStarts(docs.Count, i => Key(docs[i]));
        var chunks = starts.Length - 1;
        var fragmentFiles = new OutputFile[scripts * chunks];
        Parallel.For(0, fragmentFiles.Length, i =>
            fragmentFiles[i] = WriteChunk(renditions[i / chunks].Lang, starts[i % chunks], starts[(i % chunks) + 1], i / chunks, scripts, docs, texts));

        var manifest = WriteManifest(renditions, docs.Count, shardFiles, fragmentFiles, starts, fold);
        return [new OutputFile(ManifestPath, manifest), .. shardFiles, .. fragmentFiles];
    }

    /// <summary>The content hash in a shard's or chunk's file name (<c>…-{hash}.json</c>).</summary>
    private static string HashOf(OutputFile file) => file.Path[(file.Path.LastIndexOf('-') + 1)..^".json".Length];

    /// <summary>What a doc is the doc of, whatever its place: its kind, and the event, the article or the article's sentence.</summary>
    private static string Key(Doc doc) => doc.Sentence is { } sentence
        ? string.Concat(Kinds[(int)doc.Kind].Value, "/", doc.Id, "#", sentence.Anchor)
        : string.Concat(Kinds[(int)doc.Kind].Value, "/", doc.Id);

    private static byte[] WriteManifest(IReadOnlyList<Rendition> renditions, int docs, OutputFile[] shards, OutputFile[] fragments, int[] starts, SearchFold fold)
    {
        var chunks = starts.Length - 1;
        using var buffer = new PooledBufferWriter(1024 + (12 * shards.Length) + (20 * fragments.Length) + (8 * fold.Pairs.Count));
        using (var json = JsonOutput.Writer(buffer, indented: false))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 3);
            json.WriteStartArray("scripts");
            foreach (var rendition in renditions)
            {
                json.WriteStringValue(rendition.Lang);
            }

            json.WriteEndArray();
            json.WriteNumber("docs", docs);
            json.WriteString("hash", "fnv1a32");
            json.WriteNumber("shards", shards.Length);
            json.WriteStartArray("postings");
            foreach (var shard in shards)
            {
                json.WriteStringValue(HashOf(shard));
            }

            json.WriteEndArray();
            json.WriteStartArray("chunks");
            for (var c = 0; c < chunks; c++)
            {
                json.WriteNumberValue(starts[c + 1] - starts[c]);
            }

            json.WriteEndArray();
            json.WriteStartArray("fragments");
            for (var r = 0; r < renditions.Count; r++)
            {
                json.WriteStartArray();
                foreach (var chunk in fragments.AsSpan(r * chunks, chunks))
                {
                    json.WriteStringValue(HashOf(chunk));
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            var (from, to) = fold.AsStrings();
            json.WriteStartArray("fold");
            json.WriteStringValue(from);
            json.WriteStringValue(to);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>About how many bytes the postings take written out: the gaps between ids are small numbers.</summary>
    private static long PostingBytes(BigramPostings postings)
    {
        long bytes = 0;
        for (var k = 0; k < postings.Keys.Count; k++)
        {
            bytes += 12 + (3L * postings.Ids(k).Length);
        }

        return bytes;
    }

    /// <summary>One shard: its bigrams in ordinal order, each with its doc ids as the first and the gaps after it.</summary>
    private static OutputFile WriteShard(int shard, List<int> keys, List<string> bigrams, BigramPostings postings)
    {
        keys.Sort((a, b) => string.CompareOrdinal(bigrams[a], bigrams[b]));
        using var buffer = new PooledBufferWriter(keys.Sum(k => 16 + (4 * postings.Ids(k).Length)));
        using (var json = JsonOutput.Writer(buffer, indented: false))
        {
            json.WriteStartObject();
            foreach (var key in keys)
            {
                json.WriteStartArray(bigrams[key]);
                var previous = 0;
                foreach (var id in postings.Ids(key))
                {
                    json.WriteNumberValue(id - previous);
                    previous = id;
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return new OutputFile(SearchShards.PostingsPath(shard, SearchShards.ContentHash(buffer.WrittenSpan)), buffer.ToArray());
    }

    /// <summary>The fragments of the chunk of docs <paramref name="first"/> to <paramref name="end"/> (excluded) as rendering
    /// <paramref name="script"/> shows them.</summary>
    private static OutputFile WriteChunk(string lang, int first, int end, int script, int scripts, List<Doc> docs, string[] texts)
    {
        var path = new char[256];
        using var buffer = new PooledBufferWriter(256 * (end - first));
        using (var json = JsonOutput.Writer(buffer, indented: false))
        {
            json.WriteStartArray();
            for (var id = first; id < end; id++)
            {
                var doc = docs[id];
                var text = texts[(id * scripts) + script];
                json.WriteStartObject();
                json.WriteString(K, Kinds[(int)doc.Kind]);
                json.WriteString(P, Path(doc, ref path));
                json.WriteString(H, doc.Article is { } a ? texts[(a * scripts) + script] : text);
                if (doc.Date is { } date)
                {
                    json.WriteString(D, date.Iso);
                    json.WriteString(Dt, date.Text);
                    if (doc.Event?.Approximate ?? false)
                    {
                        json.WriteBoolean(Approx, true);
                    }
                }

                if (doc.Article is not null)
                {
                    json.WriteString(T, text);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return new OutputFile(SearchShards.FragmentsPath(lang, SearchShards.ChunkHash(buffer.WrittenSpan)), buffer.ToArray());
    }

    private static List<Doc> Docs(SiteFacts facts)
    {
        var (events, articles, eventsByArticle) = (facts.Events, facts.Content.Articles, facts.EventsByArticle);
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

        for (var i = 0; i < events.Count; i++)
        {
            var (e, texts) = (events[i], facts.EventTextsByIndex[i]);
            Add(new Doc(DocKind.Event, e.Title, e.TitleScript ?? Conversion.Scripts.Of(e.Title), null, e.Id, Event: e,
                Date: new DocDate(texts.Date, texts.DateText), EventPath: texts.Path));
        }

        var articleDocs = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        var titleDocs = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        // An article's date, shown by its doc and its sentences' in both scripts, is written once.
        var articleDates = new DocDate?[articles.Count];
        for (var a = 0; a < articles.Count; a++)
        {
            var article = articles[a].Article;
            articleDates[a] = article.Published is { } published ? new DocDate(published.ToString(), DateDisplay.Format(published)) : null;
            if (Add(new Doc(DocKind.Article, article.Title, article.Script, null, article.Id, Date: articleDates[a])) is { } found)
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
                Add(new Doc(DocKind.Sentence, sentence.Text, extraction.Article.Script, articleDocs[extraction.Article.Id], extraction.Article.Id, sentence,
                    Date: articleDates[a]));
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


    /// <summary>The texts of the docs in <paramref name="range"/> as each rendering shows them, into <paramref name="texts"/>.</summary>
    private static void Texts(List<Doc> docs, IReadOnlyList<Rendition> renditions, string[] texts, Range range)
    {
        var scripts = renditions.Count;
        for (var id = range.Start.Value; id < range.End.Value; id++)
        {
            for (var r = 0; r < scripts; r++)
            {
                texts[(id * scripts) + r] = renditions[r].Text(docs[id].Text, docs[id].Written);
            }
        }
    }

    /// <summary>The bigrams of the docs in <paramref name="range"/>, lower-cased and folded, in every script (into <paramref name="run"/>).</summary>
    private static void Index(string[] texts, int scripts, SearchFold fold, Range range, BigramPostings.Run run)
    {
        var first = new char[256];
        var other = new char[256];
        for (var id = range.Start.Value; id < range.End.Value; id++)
        {
            var firstLength = 0;
            for (var r = 0; r < scripts; r++)
            {
                var text = texts[(id * scripts) + r];
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
                fold.Apply(lower.AsSpan(0, length));
                if (r == 0)
                {
                    firstLength = length;
                }

                // The same letters at the same place in another script's text make the same bigram (most characters read
                // the same in both scripts, and folded nearly all do): only bigrams that differ from the first script's need adding.
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
    /// Where a doc is, relative to a script's root: <c>#id</c> or <c>years/2024/#id</c> (where the timeline lists the
    /// event), <c>articles/id/</c>, <c>articles/id/#s0-1</c>. Made while writing, in <paramref name="buffer"/>.
    /// </summary>
    private static ReadOnlySpan<char> Path(Doc doc, ref char[] buffer)
    {
        if (doc.EventPath is { } eventPath)
        {
            return eventPath.AsSpan().TrimStart('/');
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

    /// <summary>
    /// Overlapping pairs of letters or digits, lower-cased; anything else (spaces, punctuation) splits the text. The index
    /// stores the bigrams of folded text (<see cref="SearchFold.Fold"/>). Must match <c>bigrams()</c> in search.js.
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

    /// <summary>A doc: its kind, text, the doc of its article (sentences: its title is their headline), what its path is made of, and its date.</summary>
    /// <param name="Id">The event's or article's id.</param>
    /// <param name="Written">The script <paramref name="Text"/> is written in: shown as written in that script's rendering, converted in the other.</param>
    /// <param name="Date">The event's date, or the publication date of the article of an article or sentence doc; null when undated.</param>
    /// <param name="EventPath">Where the timeline lists an event (<see cref="TimelinePages.EventPath"/>).</param>
    private readonly record struct Doc(DocKind Kind, string Text, Script Written, int? Article, string Id, Sentence? Sentence = null,
        TimelineEvent? Event = null, DocDate? Date = null, string? EventPath = null);

    /// <summary>A doc's date as <c>d</c> (ISO: YYYY[-MM[-DD]]) and <c>dt</c> (as the site writes it, a range included) show it.</summary>
    private sealed record DocDate(string Iso, string Text);
}
