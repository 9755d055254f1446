using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>data/search-index.json</c>, a character-bigram index built at build time for <c>static/js/search.js</c>:
/// <code>
/// {"scripts": ["zh-Hant","zh-Hans"],
///  "docs": [{"k": "e"|"a"|"s", "p": "#event-id" | "articles/id/" | "articles/id/#s0-1", "t": [text per script], "a": article doc}],
///  "bigrams": {"河套": [0, 4, 9], ...}}
/// </code>
/// <c>p</c> is relative to a script's root, so one index serves both scripts; <c>t</c> holds the text in each script
/// of <c>scripts</c> and the bigrams of all of them point to the same doc. Docs are events, articles and sentences.
/// </summary>
public static class SearchIndex
{
    public static JsonObject Build(SiteContent content, IReadOnlyList<Rendition> renditions)
    {
        var docs = new JsonArray();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        int Add(string kind, string path, string text, int? article)
        {
            var id = docs.Count;
            var texts = renditions.Select(r => r.Text(text)).ToList();
            var doc = new JsonObject
            {
                ["k"] = kind,
                ["p"] = path,
                ["t"] = new JsonArray(texts.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            };
            if (article is { } a)
            {
                doc["a"] = a;
            }

            docs.Add(doc);
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

        foreach (var e in content.Timeline.Events)
        {
            Add("e", "#" + e.Id, e.Title, null);
        }

        foreach (var extraction in content.Articles)
        {
            var article = extraction.Article;
            var articleDoc = Add("a", $"articles/{article.Id}/", article.Title, null);
            foreach (var sentence in extraction.Sentences)
            {
                Add("s", $"articles/{article.Id}/#{sentence.Anchor}", sentence.Text, articleDoc);
            }
        }

        var bigrams = new JsonObject();
        foreach (var key in postings.Keys.Order(StringComparer.Ordinal))
        {
            bigrams[key] = new JsonArray(postings[key].Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
        }

        return new JsonObject
        {
            ["version"] = 1,
            ["scripts"] = new JsonArray(renditions.Select(r => (JsonNode)JsonValue.Create(r.Lang)).ToArray()),
            ["docs"] = docs,
            ["bigrams"] = bigrams,
        };
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
