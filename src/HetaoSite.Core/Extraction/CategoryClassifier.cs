using System.Buffers;
using System.Runtime.CompilerServices;
using HetaoSite.Core.Configuration;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Puts an event in a category by keyword rules from <c>site-config.yml</c>: each keyword found scores its length (a
/// longer keyword is more specific), doubled in the title; the highest score wins, ties go to the earlier rule, and no
/// hit at all gives the last rule. A rule with <c>requires</c> applies only when the title or sentence names one of
/// those words (深港合作 needs a Hong Kong party); when the last rule does not apply, no hit gives the last one that does.
/// </summary>
public static class CategoryClassifier
{
    // The zone's own names contain 深港, 合作, 科技創新 and 園區: they say nothing about what kind of event it is.
    private static readonly string[] ZoneNames =
    [
        "河套深港科技創新合作區", "河套深港科技创新合作区", "深港科技創新合作區", "深港科技创新合作区", "河套合作區", "河套合作区",
        "河套深圳園區", "河套深圳园区", "深圳園區", "深圳园区", "香港園區", "香港园区", "合作區", "合作区",
    ];

    // Every zone name ends in 區 or 区: a text without either holds none of them.
    private static readonly SearchValues<char> ZoneNameEndings = SearchValues.Create("區区");

    // One keyword index per rule list (the configuration's, built once per build rather than once per event).
    private static readonly ConditionalWeakTable<IReadOnlyList<CategoryRule>, KeywordIndex> Indexes = [];

    public static string Classify(string title, string sentence, IReadOnlyList<CategoryRule> rules)
    {
        title = WithoutZoneNames(title);
        sentence = WithoutZoneNames(sentence);
        if (rules.Count == 0)
        {
            return "general";
        }

        var index = Indexes.GetValue(rules, static r => new KeywordIndex(r));
        Span<bool> inTitle = index.Keywords.Length <= 512 ? stackalloc bool[index.Keywords.Length] : new bool[index.Keywords.Length];
        Span<bool> inSentence = index.Keywords.Length <= 512 ? stackalloc bool[index.Keywords.Length] : new bool[index.Keywords.Length];
        index.Find(title, inTitle);
        index.Find(sentence, inSentence);

        var best = rules[^1];
        for (var r = rules.Count - 1; r >= 0; r--)
        {
            if (Applies(rules[r], title, sentence))
            {
                best = rules[r];
                break;
            }
        }

        var bestScore = 0;
        var k = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var score = 0;
            for (var w = 0; w < rule.Keywords.Count; w++)
            {
                score += rule.Keywords[w].Length * ((inTitle[k] ? 2 : 0) + (inSentence[k] ? 1 : 0));
                k++;
            }

            if (score > bestScore && Applies(rule, title, sentence))
            {
                best = rule;
                bestScore = score;
            }
        }

        return best.Id;
    }

    private static bool Applies(CategoryRule rule, string title, string sentence)
    {
        if (rule.Requires is not { Count: > 0 } requires)
        {
            return true;
        }

        for (var i = 0; i < requires.Count; i++)
        {
            if (title.Contains(requires[i], StringComparison.Ordinal) || sentence.Contains(requires[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string WithoutZoneNames(string text)
    {
        if (!text.AsSpan().ContainsAny(ZoneNameEndings))
        {
            return text;
        }

        foreach (var name in ZoneNames)
        {
            text = text.Replace(name, " ", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// Which keywords of a rule list a text contains, found in one pass over the text instead of one search per keyword:
    /// every position where any keyword starts is visited, and the keywords starting with that character are compared there.
    /// </summary>
    private sealed class KeywordIndex
    {
        private readonly SearchValues<string>? _any;
        private readonly Dictionary<char, int[]> _byFirstChar;
        private readonly bool[] _empty;

        /// <summary>All keywords in rule order (rule 0's first), as <see cref="Classify"/> walks them.</summary>
        public string[] Keywords { get; }

        public KeywordIndex(IReadOnlyList<CategoryRule> rules)
        {
            Keywords = [.. rules.SelectMany(r => r.Keywords)];
            _empty = [.. Keywords.Select(k => k.Length == 0)];
            _byFirstChar = Keywords.Select((keyword, i) => (keyword, i)).Where(p => p.keyword.Length > 0)
                .GroupBy(p => p.keyword[0]).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray());
            var distinct = Keywords.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            _any = distinct.Length > 0 ? SearchValues.Create(distinct, StringComparison.Ordinal) : null;
        }

        public void Find(string text, Span<bool> found)
        {
            for (var i = 0; i < _empty.Length; i++)
            {
                found[i] = _empty[i]; // "" is contained in every text
            }

            if (_any is null)
            {
                return;
            }

            var span = text.AsSpan();
            var offset = 0;
            while (offset < span.Length && span[offset..].IndexOfAny(_any) is var at and >= 0)
            {
                var position = offset + at;
                foreach (var k in _byFirstChar[span[position]])
                {
                    if (!found[k] && span[position..].StartsWith(Keywords[k], StringComparison.Ordinal))
                    {
                        found[k] = true;
                    }
                }

                offset = position + 1;
            }
        }
    }
}
