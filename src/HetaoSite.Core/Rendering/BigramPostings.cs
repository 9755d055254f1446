using System.Text;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// For every bigram of the search index, the ids of the docs it is in, ascending. Filled by <see cref="Run"/>s over
/// contiguous, ascending runs of doc ids (one per thread at a time) and merged run after run, so the lists are the same
/// as from one pass over all docs. A bigram is two Unicode scalar values packed into a long (21 bits each); the ids of
/// all bigrams share one array (about two and a half million ids for ten thousand articles) instead of a list each.
/// </summary>
internal sealed class BigramPostings
{
    private readonly int[] _offsets;
    private readonly int[] _ids;

    private BigramPostings(long[] keys, int[] offsets, int[] ids)
    {
        Keys = keys;
        _offsets = offsets;
        _ids = ids;
    }

    /// <summary>The distinct bigrams, in no particular order; <see cref="Ids"/> takes an index into this list.</summary>
    public IReadOnlyList<long> Keys { get; }

    /// <summary>The docs the bigram <see cref="Keys"/>[<paramref name="key"/>] is in, ascending.</summary>
    public ReadOnlySpan<int> Ids(int key) => _ids.AsSpan(_offsets[key], _offsets[key + 1] - _offsets[key]);

    public static long Pack(int first, int second) => ((long)first << 21) | (uint)second;

    /// <summary>The bigram as text.</summary>
    public static string Text(long key)
    {
        Span<char> chars = stackalloc char[4];
        var length = new Rune((int)(key >> 21)).EncodeToUtf16(chars);
        length += new Rune((int)(key & 0x1FFFFF)).EncodeToUtf16(chars[length..]);
        return new string(chars[..length]);
    }

    /// <summary>Joins <paramref name="runs"/>, which cover ascending doc ids in this order.</summary>
    public static BigramPostings Merge(IReadOnlyList<Run> runs)
    {
        var index = new Dictionary<long, int>();
        var keys = new List<long>();
        var counts = new List<int>();
        var maps = new int[runs.Count][];
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var map = maps[r] = new int[run.KeyCount];
            foreach (var (key, local) in run.Keys)
            {
                if (!index.TryGetValue(key, out var global))
                {
                    index[key] = global = keys.Count;
                    keys.Add(key);
                    counts.Add(0);
                }

                map[local] = global;
                counts[global] += run.Count(local);
            }
        }

        var offsets = new int[keys.Count + 1];
        for (var k = 0; k < keys.Count; k++)
        {
            offsets[k + 1] = offsets[k] + counts[k];
        }

        // Where each run's ids of each bigram go: after those of the runs before it. Then the runs fill their own places
        // side by side.
        var filled = new int[keys.Count];
        var starts = new int[runs.Count][];
        for (var r = 0; r < runs.Count; r++)
        {
            var map = maps[r];
            var start = starts[r] = new int[map.Length];
            for (var local = 0; local < map.Length; local++)
            {
                start[local] = offsets[map[local]] + filled[map[local]];
                filled[map[local]] += runs[r].Count(local);
            }
        }

        var ids = GC.AllocateUninitializedArray<int>(offsets[^1]);
        Parallel.For(0, runs.Count, r =>
        {
            var next = starts[r];
            var run = runs[r];
            var entries = run.Entries;
            for (var d = 0; d < run.DocCount; d++)
            {
                var doc = run.Doc(d, out var start, out var end);
                foreach (var local in entries[start..end])
                {
                    ids[next[local]++] = doc;
                }
            }
        });

        return new BigramPostings([.. keys], offsets, ids);
    }

    /// <summary>
    /// The bigrams of a run of docs, added doc by doc in ascending id order: each doc's bigrams (as indexes into this
    /// run's bigrams) one after the other in one array, and where each doc's start.
    /// </summary>
    public sealed class Run
    {
        private readonly Dictionary<long, int> _keys = [];
        private readonly List<int> _lastDoc = [];
        private readonly List<int> _counts = [];
        private readonly List<(int Doc, int Start)> _docs = [];
        private int[] _entries;
        private int _length;

        /// <param name="capacity">How many (doc, bigram) pairs to expect: growing the array costs more than an unused tail of it.</param>
        public Run(int capacity) => _entries = GC.AllocateUninitializedArray<int>(Math.Max(capacity, 1024));

        public int KeyCount => _keys.Count;

        /// <summary>Each bigram with its index in this run.</summary>
        public IEnumerable<KeyValuePair<long, int>> Keys => _keys;

        /// <summary>The bigram indexes of every doc, one doc after the other.</summary>
        public ReadOnlySpan<int> Entries => _entries.AsSpan(0, _length);

        /// <summary>How many docs have bigrams.</summary>
        public int DocCount => _docs.Count;

        /// <summary>The <paramref name="index"/>-th doc with bigrams, and where its bigrams are in <see cref="Entries"/>.</summary>
        public int Doc(int index, out int start, out int end)
        {
            start = _docs[index].Start;
            end = index + 1 < _docs.Count ? _docs[index + 1].Start : _length;
            return _docs[index].Doc;
        }

        /// <summary>How many docs of the run the bigram with index <paramref name="local"/> is in.</summary>
        public int Count(int local) => _counts[local];

        /// <summary>Records that <paramref name="doc"/> (not below any doc added before) contains <paramref name="key"/>; again is a no-op.</summary>
        public void Add(long key, int doc)
        {
            if (!_keys.TryGetValue(key, out var local))
            {
                _keys[key] = local = _keys.Count;
                _lastDoc.Add(-1);
                _counts.Add(0);
            }

            if (_lastDoc[local] == doc)
            {
                return;
            }

            _lastDoc[local] = doc;
            _counts[local]++;
            if (_docs.Count == 0 || _docs[^1].Doc != doc)
            {
                _docs.Add((doc, _length));
            }

            if (_length == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            _entries[_length++] = local;
        }
    }
}
