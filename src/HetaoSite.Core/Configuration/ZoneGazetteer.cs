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

    public bool Equals(ZoneGazetteer? other) =>
        other is not null && Names.SequenceEqual(other.Names) && Parks.SequenceEqual(other.Parks) && Places.SequenceEqual(other.Places);

    public override int GetHashCode() => HashCode.Combine(Names.Count, Parks.Count, Places.Count);
}
