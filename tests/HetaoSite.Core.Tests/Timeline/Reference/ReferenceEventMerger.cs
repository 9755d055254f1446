using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Timeline;

namespace HetaoSite.Core.Tests.Timeline.Reference;

/// <summary>
/// The merge rules written plainly (string bigram sets, a dictionary of shared counts, LINQ ranking), for the
/// differential tests of <see cref="EventMerger"/>: a statement joins the group with the best similar title
/// (Dice ≥ <see cref="SimilarTitle"/>) whose every statement's facts agree with its own and whose every date is
/// compatible with its date; a look-alike (≥ <see cref="LookAlikeTitle"/>) it agrees with on the facts but not on the
/// date is paired with the group the statement ends in. Facts and date spans are the real ones (they are not optimised).
/// </summary>
internal static class ReferenceEventMerger
{
    public const double SimilarTitle = 0.6;
    public const double LookAlikeTitle = 0.85;
    private const int CommonBigramLimit = 200;
    private const int MaxCandidates = 16;

    public sealed class Group(DatedStatement first, HashSet<string> bigrams, StatementFacts facts)
    {
        public List<DatedStatement> Statements { get; } = [first];

        public HashSet<string> Bigrams { get; } = bigrams;

        public List<StatementFacts> Facts { get; } = [facts];
    }

    /// <param name="statements">All statements, already in timeline order (the first of a group is its primary source).</param>
    public static (List<Group> Groups, List<(int, int)> LookAlikes) Merge(IReadOnlyList<DatedStatement> statements, IScriptConverter? converter)
    {
        var groups = new List<Group>();
        var lookAlikes = new List<(int, int)>();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            var bigrams = ReferenceTextKey.Bigrams(ReferenceTextKey.Normalise(statement.Title, converter));
            var facts = StatementFacts.Of(statement, converter);
            var (match, alike) = FindMatch(statement, facts, bigrams, groups, index);
            if (match >= 0)
            {
                groups[match].Statements.Add(statement);
                groups[match].Facts.Add(facts);
            }
            else
            {
                match = groups.Count;
                groups.Add(new Group(statement, bigrams, facts));
                foreach (var bigram in bigrams)
                {
                    if (!index.TryGetValue(bigram, out var postings))
                    {
                        index[bigram] = postings = [];
                    }

                    postings.Add(groups.Count - 1);
                }
            }

            foreach (var other in alike)
            {
                var pair = (Math.Min(other, match), Math.Max(other, match));
                if (!lookAlikes.Contains(pair))
                {
                    lookAlikes.Add(pair);
                }
            }
        }

        return (groups, lookAlikes);
    }

    private static (int Match, List<int> LookAlikes) FindMatch(
        DatedStatement statement, StatementFacts facts, HashSet<string> bigrams, List<Group> groups, Dictionary<string, List<int>> index)
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

        var span = DateSpan.Of(statement.Expression);
        var lookAlikes = new List<int>();
        var best = -1;
        var bestScore = 0.0;
        foreach (var candidate in shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates).Select(kv => kv.Key))
        {
            var group = groups[candidate];
            var score = ReferenceTextKey.Dice(bigrams, group.Bigrams);
            if (score < SimilarTitle || !group.Facts.All(facts.AgreesWith))
            {
                continue;
            }

            if (!group.Statements.All(s => DateSpan.Compatible(span, DateSpan.Of(s.Expression))))
            {
                if (score >= LookAlikeTitle)
                {
                    lookAlikes.Add(candidate);
                }

                continue;
            }

            if (score > bestScore || (score == bestScore && candidate < best))
            {
                best = candidate;
                bestScore = score;
            }
        }

        return (best, lookAlikes);
    }
}
