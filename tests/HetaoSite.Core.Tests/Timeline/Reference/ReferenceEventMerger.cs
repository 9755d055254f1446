using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Timeline.Reference;

/// <summary>
/// Groups statements that tell the same event — from one or several articles, in either script. Two statements are the
/// same event when their titles are similar (character-bigram Dice ≥ <see cref="SimilarTitle"/>) and their dates agree
/// (equal, or one refines the other), or when their titles are near-identical (≥ <see cref="SameTitle"/>) even though
/// the dates disagree — a conflict that is reported. Candidate groups come from an inverted bigram index, skipping
/// bigrams common to too many groups, so the cost stays near-linear at ten thousand articles.
/// </summary>
internal static class ReferenceEventMerger
{
    public const double SimilarTitle = 0.6;
    public const double SameTitle = 0.85;
    private const int CommonBigramLimit = 200;
    private const int MaxCandidates = 16;

    public sealed class Group(DatedStatement first, HashSet<string> bigrams)
    {
        public List<DatedStatement> Statements { get; } = [first];

        public HashSet<string> Bigrams { get; } = bigrams;

        public bool HasConflict { get; set; }
    }

    /// <param name="statements">All statements, already in timeline order (the first of a group is its primary source).</param>
    public static IReadOnlyList<Group> Merge(IReadOnlyList<DatedStatement> statements, IScriptConverter? converter)
    {
        var groups = new List<Group>();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            var bigrams = ReferenceTextKey.Bigrams(ReferenceTextKey.Normalise(statement.Title, converter));
            var match = FindMatch(statement, bigrams, groups, index);
            if (match is { } found)
            {
                found.Group.Statements.Add(statement);
                found.Group.HasConflict |= found.Conflict;
                continue;
            }

            var group = new Group(statement, bigrams);
            groups.Add(group);
            foreach (var bigram in bigrams)
            {
                if (!index.TryGetValue(bigram, out var postings))
                {
                    index[bigram] = postings = [];
                }

                postings.Add(groups.Count - 1);
            }
        }

        return groups;
    }

    /// <summary>True when two dates can describe the same moment: equal, or one refines the other.</summary>
    public static bool Compatible(PartialDate a, PartialDate b) =>
        a == b || EventExtractor.Refines(a, b) || EventExtractor.Refines(b, a);

    // Shared uncommon bigrams are counted through the postings, so a statement costs the length of the postings it walks
    // (at most CommonBigramLimit per bigram) plus an exact comparison with its best few candidates.
    private static (Group Group, bool Conflict)? FindMatch(DatedStatement statement, HashSet<string> bigrams, List<Group> groups, Dictionary<string, List<int>> index)
    {
        var shared = new Dictionary<int, int>();
        foreach (var bigram in bigrams)
        {
            if (index.TryGetValue(bigram, out var postings) && postings.Count <= CommonBigramLimit)
            {
                foreach (var candidate in postings)
                {
                    shared[candidate] = shared.GetValueOrDefault(candidate) + 1;
                }
            }
        }

        // The groups sharing the most uncommon bigrams are the only plausible matches; their exact similarity (common
        // bigrams included) decides.
        (Group Group, bool Conflict)? best = null;
        var bestScore = 0.0;
        var bestIndex = int.MaxValue;
        foreach (var candidate in shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates).Select(kv => kv.Key))
        {
            var group = groups[candidate];
            var score = ReferenceTextKey.Dice(bigrams, group.Bigrams);
            if (score < SimilarTitle)
            {
                continue;
            }

            var compatible = Compatible(statement.Expression.Date, group.Statements[0].Expression.Date);
            var same = (compatible && score >= SimilarTitle) || score >= SameTitle;
            if (same && (score > bestScore || (score == bestScore && candidate < bestIndex)))
            {
                best = (group, !compatible);
                bestScore = score;
                bestIndex = candidate;
            }
        }

        return best;
    }
}
