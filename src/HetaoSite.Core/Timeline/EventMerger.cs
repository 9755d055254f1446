using System.Runtime.InteropServices;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// Groups statements that tell the same development — from one or several articles, in either script — and never
/// more. A statement joins a group when
/// <list type="number">
/// <item>its title is like the group's (character-bigram Dice ≥ <see cref="SimilarTitle"/>, scripts folded),</item>
/// <item>its key facts agree with those of every statement in the group (<see cref="StatementFacts"/>: the same edition of
/// a series, the same counted numbers, the same names where both give them), and</item>
/// <item>its date is compatible with every date in the group (<see cref="DateSpan.Compatible"/>: one refines the other).</item>
/// </list>
/// So a group's dates form a chain, 2024 ⊇ 2024-06 ⊇ 2024-06-12, and the event takes the innermost. A statement whose
/// title is a look-alike (Dice ≥ <see cref="LookAlikeTitle"/>) of a group it did not join only because the dates cannot
/// both be right stays apart, and the pair is reported as a possible duplicate (<see cref="Result.LookAlikes"/>).
/// Candidate groups come from an inverted bigram index, skipping bigrams common to too many groups, so the cost stays
/// near-linear at ten thousand articles.
/// </summary>
public static class EventMerger
{
    public const double SimilarTitle = 0.6;
    public const double LookAlikeTitle = 0.85;
    private const int CommonBigramLimit = 200;
    private const int MaxCandidates = 16;

    /// <param name="bigrams">The first statement's title as packed bigrams (<see cref="TextKey.BigramCodes"/>).</param>
    /// <param name="first">The first statement's position in the merged list.</param>
    public sealed class Group(DatedStatement statement, int first, long[] bigrams)
    {
        public List<DatedStatement> Statements { get; } = [statement];

        /// <summary>The first statement's title bigrams, packed and sorted (<see cref="TextKey.BigramCodes"/>).</summary>
        public long[] Bigrams { get; } = bigrams;

        /// <summary>The positions of <see cref="Statements"/> in the merged list, for their facts.</summary>
        public List<int> Members { get; } = [first];

        /// <summary>The distinct date spans of the statements (a chain: each contains or refines every other).</summary>
        public List<DateSpan> Spans { get; } = [DateSpan.Of(statement.Expression)];

        public bool DatesAllow(DateSpan span)
        {
            foreach (var other in Spans)
            {
                if (!DateSpan.Compatible(span, other))
                {
                    return false;
                }
            }

            return true;
        }

        public bool FactsAllow(int statement, FactsOf facts)
        {
            foreach (var other in Members)
            {
                if (!facts[statement].AgreesWith(facts[other]))
                {
                    return false;
                }
            }

            return true;
        }

        public void Add(DatedStatement statement, int position, DateSpan span)
        {
            Statements.Add(statement);
            Members.Add(position);
            if (!Spans.Contains(span))
            {
                Spans.Add(span);
            }
        }
    }

    /// <summary>The groups in order of their first statements, and the look-alike pairs (indices into the groups, lower first).</summary>
    public sealed record Result(IReadOnlyList<Group> Groups, IReadOnlyList<(int First, int Second)> LookAlikes);

    /// <param name="statements">All statements, already in timeline order (the first of a group is its primary source).</param>
    /// <param name="converter">Brings titles and sentences into Simplified script for comparing them.</param>
    /// <param name="scripts">Each article's script, by id: only texts of Traditional articles are converted (the
    /// conversion the per-article stage made for the Simplified pages); without it, every text is.</param>
    public static Result Merge(IReadOnlyList<DatedStatement> statements, IScriptConverter? converter,
        IReadOnlyDictionary<string, Script>? scripts = null)
    {
        IScriptConverter? ConverterFor(DatedStatement statement) =>
            scripts is null || scripts.GetValueOrDefault(statement.ArticleId, Script.Hant) == Script.Hant ? converter : null;

        // Keys do not depend on each other, so they are computed in parallel; the grouping itself is sequential.
        var keys = new long[statements.Count][];
        Parallel.For(0, statements.Count, i => keys[i] = TextKey.BigramCodes(TextKey.Normalise(statements[i].Title, ConverterFor(statements[i]))));
        var facts = new FactsOf(statements, ConverterFor);

        // The grouping is sequential and reads most statements' facts, so another thread reads them ahead of it.
        using var stop = new CancellationTokenSource();
        var ahead = Task.Run(() => facts.ReadAll(stop.Token), CancellationToken.None);
        try
        {
            return GroupAll(statements, keys, facts);
        }
        finally
        {
            // A statement whose facts failed to read fails the grouping itself when it reaches it, so the reader's
            // exception is only observed here, not thrown.
            stop.Cancel();
            Task.WaitAny(ahead);
            _ = ahead.Exception;
        }
    }

    private static Result GroupAll(IReadOnlyList<DatedStatement> statements, long[][] keys, FactsOf facts)
    {
        var groups = new List<Group>();
        var lookAlikes = new List<(int, int)>();
        var seenPairs = new HashSet<(int, int)>();
        var found = new List<int>();
        var index = new Dictionary<long, List<int>>();
        var candidates = new CandidateCounter();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var bigrams = keys[i];
            var span = DateSpan.Of(statement.Expression);
            found.Clear();
            var match = FindMatch(i, span, facts, bigrams, groups, index, candidates, found);
            if (match >= 0)
            {
                groups[match].Add(statement, i, span);
            }
            else
            {
                match = groups.Count;
                groups.Add(new Group(statement, i, bigrams));
                candidates.Grow(groups.Count);
                foreach (var bigram in bigrams)
                {
                    ref var postings = ref CollectionsMarshal.GetValueRefOrAddDefault(index, bigram, out _);
                    postings ??= [];

                    // A bigram in more than CommonBigramLimit groups is never walked again, only known to be common:
                    // its postings stop growing there.
                    if (postings.Count <= CommonBigramLimit)
                    {
                        postings.Add(groups.Count - 1);
                    }
                }
            }

            foreach (var other in found)
            {
                var pair = other < match ? (other, match) : (match, other);
                if (other != match && seenPairs.Add(pair))
                {
                    lookAlikes.Add(pair);
                }
            }
        }

        return new Result(groups, lookAlikes);
    }

    /// <summary>True when two dates can describe the same moment: equal, or one refines the other.</summary>
    public static bool Compatible(PartialDate a, PartialDate b) => DateSpan.Compatible(DateSpan.Of(a), DateSpan.Of(b));

    // Shared uncommon bigrams are counted through the postings, so a statement costs the length of the postings it walks
    // (at most CommonBigramLimit per bigram) plus an exact comparison with its best few candidates.
    // Returns the index of the group to join, or -1; adds to lookAlikes the groups with a look-alike title that the
    // statement's facts agree with but its date does not.
    private static int FindMatch(int statement, DateSpan span, FactsOf facts, long[] bigrams, List<Group> groups, Dictionary<long, List<int>> index,
        CandidateCounter candidates, List<int> lookAlikes)
    {
        var common = 0;
        foreach (var bigram in bigrams)
        {
            if (index.TryGetValue(bigram, out var postings))
            {
                if (postings.Count <= CommonBigramLimit)
                {
                    candidates.CountAll(postings);
                }
                else
                {
                    common++;
                }
            }
        }

        // The groups sharing the most uncommon bigrams are the only plausible matches; their exact similarity (common
        // bigrams included) decides. The winner is the best score, then the earliest group, whatever order they come in.
        var best = -1;
        var bestScore = 0.0;
        var best16 = candidates.TakeBest(out var sharedCounts);
        for (var i = 0; i < best16.Length; i++)
        {
            var candidate = best16[i];
            var group = groups[candidate];

            // A candidate shares at most its uncommon bigrams plus all the statement's common ones; when even that
            // cannot reach the threshold, the exact comparison (a few cache misses per group) is skipped.
            var bound = Math.Min(sharedCounts[i] + common, Math.Min(bigrams.Length, group.Bigrams.Length));
            if (2.0 * bound / (bigrams.Length + group.Bigrams.Length) < SimilarTitle)
            {
                continue;
            }

            var score = TextKey.Dice(bigrams, group.Bigrams);
            if (score < SimilarTitle || !group.FactsAllow(statement, facts))
            {
                continue;
            }

            if (!group.DatesAllow(span))
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

        return best;
    }

    /// <summary>
    /// The facts of the statements, read when first compared or by <see cref="ReadAll"/> ahead of the comparisons. A
    /// statement's facts are a function of the statement, so when two threads read the same one, either result is kept.
    /// </summary>
    public sealed class FactsOf(IReadOnlyList<DatedStatement> statements, Func<DatedStatement, IScriptConverter?> converter)
    {
        private readonly StatementFacts?[] _facts = new StatementFacts?[statements.Count];

        public StatementFacts this[int position] => _facts[position] ??= StatementFacts.Of(statements[position], converter(statements[position]));

        /// <summary>Reads the facts of every statement in order, until <paramref name="stop"/> is cancelled.</summary>
        public void ReadAll(CancellationToken stop)
        {
            for (var i = 0; i < _facts.Length && !stop.IsCancellationRequested; i++)
            {
                _ = this[i];
            }
        }
    }

    /// <summary>
    /// Counts shared bigrams per group for one statement without allocating: a count per group, the groups touched so
    /// far, and a small ranking of the <see cref="MaxCandidates"/> most shared (ties: the earlier group first).
    /// </summary>
    private sealed class CandidateCounter
    {
        private int[] _touched = new int[64];
        private int _touchedCount;
        private readonly int[] _best = new int[MaxCandidates];
        private readonly int[] _bestCounts = new int[MaxCandidates];
        private int[] _counts = new int[64];

        public void Grow(int groups)
        {
            if (groups > _counts.Length)
            {
                Array.Resize(ref _counts, Math.Max(groups, _counts.Length * 2));
                Array.Resize(ref _touched, _counts.Length);
            }
        }

        public void CountAll(List<int> postings)
        {
            // Each group is touched at most once per statement, so _touched (as long as _counts) cannot overflow.
            var counts = _counts;
            var touched = _touched;
            var touchedCount = _touchedCount;
            foreach (var group in CollectionsMarshal.AsSpan(postings))
            {
                if (counts[group]++ == 0)
                {
                    touched[touchedCount++] = group;
                }
            }

            _touchedCount = touchedCount;
        }

        /// <summary>The most shared groups, best first, and how many bigrams each shares; resets the counts for the next statement.</summary>
        public ReadOnlySpan<int> TakeBest(out ReadOnlySpan<int> shared)
        {
            var size = 0;
            var counts = _counts;
            var worstCount = 0;
            var worstGroup = 0;
            foreach (var group in _touched.AsSpan(0, _touchedCount))
            {
                var count = counts[group];
                counts[group] = 0;
                if (size == MaxCandidates && !Ranks(count, group, worstCount, worstGroup))
                {
                    continue;
                }

                var at = size == MaxCandidates ? size - 1 : size++;
                while (at > 0 && Ranks(count, group, _bestCounts[at - 1], _best[at - 1]))
                {
                    _best[at] = _best[at - 1];
                    _bestCounts[at] = _bestCounts[at - 1];
                    at--;
                }

                _best[at] = group;
                _bestCounts[at] = count;
                worstCount = _bestCounts[size - 1];
                worstGroup = _best[size - 1];
            }

            _touchedCount = 0;
            shared = _bestCounts.AsSpan(0, size);
            return _best.AsSpan(0, size);
        }

        private static bool Ranks(int count, int group, int otherCount, int otherGroup) =>
            count > otherCount || (count == otherCount && group < otherGroup);
    }
}
