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
        var postings = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);

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
            foreach (var bigram in texts.SelectMany(Bigrams).Distinct(StringComparer.Ordinal))
            {
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
        foreach (var (key, ids) in postings)
        {
            bigrams[key] = new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());
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
        var normal = text.ToLower(CultureInfo.InvariantCulture);
        var runes = normal.EnumerateRunes().ToList();
        for (var i = 0; i + 1 < runes.Count; i++)
        {
            if (Rune.IsLetterOrDigit(runes[i]) && Rune.IsLetterOrDigit(runes[i + 1]))
            {
                yield return runes[i].ToString() + runes[i + 1].ToString();
            }
        }
    }
}
