using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// Groups statements that tell the same event — from one or several articles, in either script. Two statements are the
/// same event when their titles are similar (character-bigram Dice ≥ <see cref="SimilarTitle"/>) and their dates agree
/// (equal, or one refines the other), or when their titles are near-identical (≥ <see cref="SameTitle"/>) even though
/// the dates disagree — a conflict that is reported. Candidate groups come from an inverted bigram index, skipping
/// bigrams common to too many groups, so the cost stays near-linear at ten thousand articles.
/// </summary>
public static class EventMerger
{
    public const double SimilarTitle = 0.6;
    public const double SameTitle = 0.85;
    private const int CommonBigramLimit = 200;

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
        var titles = new Dictionary<string, TitleMatches>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            var key = TextKey.Normalise(statement.Title, converter);
            if (!titles.TryGetValue(key, out var matches))
            {
                titles[key] = matches = new TitleMatches(TextKey.Bigrams(key));
            }

            matches.Update(groups, index);
            var match = FindMatch(statement, matches, groups, index);
            if (match is { } found)
            {
                found.Group.Statements.Add(statement);
                found.Group.HasConflict |= found.Conflict;
                continue;
            }

            var group = new Group(statement, matches.Bigrams);
            groups.Add(group);
            foreach (var bigram in matches.Bigrams)
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

    // A candidate is a group that shares at least one bigram not common to more than CommonBigramLimit groups (checked
    // now, as postings grow); among candidates similar enough, the highest score wins, the earliest group on a tie.
    private static (Group Group, bool Conflict)? FindMatch(DatedStatement statement, TitleMatches matches, List<Group> groups, Dictionary<string, List<int>> index)
    {
        (Group Group, bool Conflict)? best = null;
        var bestScore = 0.0;
        foreach (var (candidate, score, shared) in matches.Similar)
        {
            if (!shared.Any(b => index[b].Count <= CommonBigramLimit))
            {
                continue;
            }

            var group = groups[candidate];
            var compatible = Compatible(statement.Expression.Date, group.Statements[0].Expression.Date);
            var same = (compatible && score >= SimilarTitle) || score >= SameTitle;
            if (same && score > bestScore)
            {
                best = (group, !compatible);
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// The groups whose title is similar enough to one normalised title to ever match it (Dice ≥ <see cref="SimilarTitle"/>),
    /// in group order, with the bigrams they share. Groups never change their bigrams and are only appended, so each title
    /// compares itself with each group once, however many statements repeat it: a large corpus repeats titles a lot.
    /// </summary>
    private sealed class TitleMatches(HashSet<string> bigrams)
    {
        private int _seen;

        public HashSet<string> Bigrams { get; } = bigrams;

        public List<(int Group, double Score, string[] Shared)> Similar { get; } = [];

        /// <summary>Compares the title with the groups created since the last call.</summary>
        public void Update(List<Group> groups, Dictionary<string, List<int>> index)
        {
            if (_seen == groups.Count)
            {
                return;
            }

            // A group with Dice ≥ 0.6 shares at least 3/7 of this title's bigrams (2s ≥ 0.6(a + b) and b ≥ s give
            // s ≥ 3a/7), so it holds at least one of the a − ⌈3a/7⌉ + 1 rarest: probing only those finds every such
            // group without walking the postings of common bigrams (公司, 科技…), which made merging quadratic.
            // (3a/7 rounded down: one bigram more than needed, never one too few.)
            var probe = Bigrams.Count - (Bigrams.Count * 3 / 7) + 1;
            var rarest = Bigrams
                .Select(b => (Bigram: b, Count: index.TryGetValue(b, out var p) ? p.Count : 0))
                .OrderBy(b => b.Count)
                .ThenBy(b => b.Bigram, StringComparer.Ordinal)
                .Take(probe);
            var fresh = new SortedSet<int>();
            foreach (var (bigram, _) in rarest)
            {
                if (index.TryGetValue(bigram, out var postings))
                {
                    for (var i = postings.Count - 1; i >= 0 && postings[i] >= _seen; i--)
                    {
                        fresh.Add(postings[i]);
                    }
                }
            }

            foreach (var candidate in fresh)
            {
                var other = groups[candidate].Bigrams;
                var score = TextKey.Dice(Bigrams, other);
                if (score >= SimilarTitle)
                {
                    Similar.Add((candidate, score, [.. Bigrams.Where(other.Contains)]));
                }
            }

            _seen = groups.Count;
        }
    }
}
