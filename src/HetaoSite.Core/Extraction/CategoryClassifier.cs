using HetaoSite.Core.Configuration;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Puts an event in a category by keyword rules from <c>site-config.yml</c>: each keyword found scores its length (a
/// longer keyword is more specific), doubled in the title; the highest score wins, ties go to the earlier rule, and no
/// hit at all gives the last rule.
/// </summary>
public static class CategoryClassifier
{
    // The zone's own names contain 深港, 合作, 科技創新 and 園區: they say nothing about what kind of event it is.
    private static readonly string[] ZoneNames =
    [
        "河套深港科技創新合作區", "河套深港科技创新合作区", "深港科技創新合作區", "深港科技创新合作区", "河套合作區", "河套合作区",
        "河套深圳園區", "河套深圳园区", "深圳園區", "深圳园区", "香港園區", "香港园区", "合作區", "合作区",
    ];

    public static string Classify(string title, string sentence, IReadOnlyList<CategoryRule> rules)
    {
        title = WithoutZoneNames(title);
        sentence = WithoutZoneNames(sentence);
        if (rules.Count == 0)
        {
            return "general";
        }

        var best = rules[^1];
        var bestScore = 0;
        foreach (var rule in rules)
        {
            var score = rule.Keywords.Sum(k => k.Length * ((title.Contains(k, StringComparison.Ordinal) ? 2 : 0) + (sentence.Contains(k, StringComparison.Ordinal) ? 1 : 0)));
            if (score > bestScore)
            {
                best = rule;
                bestScore = score;
            }
        }

        return best.Id;
    }

    private static string WithoutZoneNames(string text) =>
        ZoneNames.Aggregate(text, (current, name) => current.Replace(name, " ", StringComparison.Ordinal));
}
