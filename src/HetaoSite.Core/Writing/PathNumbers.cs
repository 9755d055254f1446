using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The paths that pages and cached partials read (<see cref="PageTrace"/>) as a store's file keeps them: every path
/// once, and each list of paths as the numbers of its paths. Records of a kind read the same paths (every article page
/// the same members of <c>site</c> and <c>t</c>, every card the same strings), so each distinct list is numbered once,
/// as one array the records share, and named once when the file is read (<see cref="Names"/>).
/// </summary>
internal sealed class PathNumbers
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<IReadOnlyList<string>, int[]> _byList = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int[], int[]> _distinct = new(ReadsComparer.Instance);

    /// <summary>Every path numbered so far, in the order of their numbers.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>The numbers of <paramref name="reads"/>' paths: one array for every list of the same paths.</summary>
    public int[] Of(IReadOnlyList<string> reads)
    {
        if (!_byList.TryGetValue(reads, out var ids))
        {
            int[] numbered = [.. reads.Select(path => _numbers.TryGetValue(path, out var n) ? n : Add(path))];
            _byList[reads] = ids = _distinct.TryGetValue(numbered, out var known) ? known : _distinct[numbered] = numbered;
        }

        return ids;
    }

    private int Add(string path)
    {
        _numbers[path] = Paths.Count;
        Paths.Add(path);
        return Paths.Count - 1;
    }

    /// <summary>
    /// Names lists of numbers into <paramref name="paths"/>, each distinct list once, as one list the records that read
    /// it share (and whose hash of values a build computes once, <see cref="ValueHasher.AtRecordedPaths"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is not one of <paramref name="paths"/>'.</exception>
    public static Func<int[], IReadOnlyList<string>> Names(List<string> paths)
    {
        var named = new Dictionary<int[], IReadOnlyList<string>>(ReadsComparer.Instance);
        return ids => named.TryGetValue(ids, out var names) ? names : named[ids] = [.. ids.Select(i => paths[i])];
    }
}
