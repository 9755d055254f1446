using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Configuration;

/// <summary>
/// What counts as "about the zone" (<c>zone:</c> in site-config.yml): the zone's names, its parks, and places and
/// institutions located in it. Entries may be written in either script; they are compared with the text after both
/// are folded to Simplified (<see cref="ScriptFold"/>). Latin entries are compared as written (case matters, so
/// "the Loop" is not "in the loop").
/// </summary>
public sealed record ZoneGazetteer(IReadOnlyList<string> Names, IReadOnlyList<string> Parks, IReadOnlyList<string> Places)
{
    private readonly string[] _folded = [.. Names.Concat(Parks).Concat(Places).Select(ScriptFold.Fold).Distinct(StringComparer.Ordinal)
        .OrderByDescending(e => e.Length)];

    /// <summary>The first entry (longest first, folded) that <paramref name="text"/> names, or null.</summary>
    public string? FindIn(string text)
    {
        var folded = ScriptFold.Fold(text);
        foreach (var entry in _folded)
        {
            if (folded.Contains(entry, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// Words that refer back to the zone in an article about it: "園區", "兩地園區", "分園", "園方" (the park's
    /// management), "the loop", "the park", "the Hong Kong and Shenzhen parks". They count only when the article's title
    /// or first paragraph names the zone (<see cref="IsAboutZone"/>).
    /// </summary>
    private static readonly string[] BackReferences =
        ["园区", "分园", "园方", "合作区", "the park", "the loop", "the zone", "shenzhen park", "hong kong park"];

    /// <summary>
    /// True when the sentence or its paragraph names the zone, or when the article is about the zone (its title or first
    /// paragraph names it) and the sentence or paragraph refers back to it ("自園區三座大樓在今年3月平頂以來").
    /// </summary>
    public bool IsAboutZone(string sentence, string paragraph, string articleTitle, string firstParagraph)
    {
        if (FindIn(sentence) is not null || FindIn(paragraph) is not null)
        {
            return true;
        }

        if (FindIn(articleTitle) is null && FindIn(firstParagraph) is null)
        {
            return false;
        }

        var folded = ScriptFold.Fold(paragraph).ToLowerInvariant();
        return BackReferences.Any(r => folded.Contains(r, StringComparison.Ordinal));
    }

    public bool Equals(ZoneGazetteer? other) =>
        other is not null && Names.SequenceEqual(other.Names) && Parks.SequenceEqual(other.Parks) && Places.SequenceEqual(other.Places);

    public override int GetHashCode() => HashCode.Combine(Names.Count, Parks.Count, Places.Count);
}
