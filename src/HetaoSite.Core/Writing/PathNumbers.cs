using System.IO.Hashing;
using System.Runtime.InteropServices;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The paths that pages and cached partials read (<see cref="PageTrace"/>) as a store's file keeps them: every path
/// once, and every distinct list of paths once, as the numbers of its paths; a record keeps the number of its list.
/// Records of a kind read the same paths (every article page the same members of <c>site</c> and <c>t</c>, every card
/// the same strings), so the file holds a few lists, and a build that reads it names each once (<see cref="Names"/>),
/// as one list the records share.
/// </summary>
internal sealed class PathNumbers
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<IReadOnlyList<string>, int> _byList = new(ReferenceEqualityComparer.Instance);

    // Lists of the same paths reach a store as different objects (one read from its file, one made by this build), and
    // are kept once: told apart by the XxHash128 of their numbers, as values are by ValueHasher.
    private readonly Dictionary<UInt128, int> _byContent = [];

    /// <summary>Every path numbered so far, in the order of their numbers.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>Every distinct list numbered so far, as the numbers of its paths, in the order of their numbers.</summary>
    public List<int[]> Lists { get; } = [];

    /// <summary>The number of the list of <paramref name="reads"/>' paths.</summary>
    public int ListOf(IReadOnlyList<string> reads)
    {
        if (!_byList.TryGetValue(reads, out var number))
        {
            int[] ids = [.. reads.Select(path => _numbers.TryGetValue(path, out var n) ? n : Add(path))];
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_byContent, XxHash128.HashToUInt128(MemoryMarshal.AsBytes(ids.AsSpan())), out var known);
            if (!known)
            {
                slot = Lists.Count;
                Lists.Add(ids);
            }

            _byList[reads] = number = slot;
        }

        return number;
    }

    private int Add(string path)
    {
        _numbers[path] = Paths.Count;
        Paths.Add(path);
        return Paths.Count - 1;
    }

    /// <summary>
    /// The <paramref name="lists"/> of a store's file named into <paramref name="paths"/>, each once, as one list the
    /// records that read it share (and whose hash of values a build computes once, <see cref="ValueHasher.AtRecordedPaths"/>);
    /// null when a list is missing or holds a number that is not one of <paramref name="paths"/>'.
    /// </summary>
    public static IReadOnlyList<string>[]? Names(List<string> paths, List<int[]> lists) =>
        lists.Any(ids => ids is null || ids.Any(i => (uint)i >= (uint)paths.Count))
            ? null
            : [.. lists.Select(IReadOnlyList<string> (ids) => [.. ids.Select(i => paths[i])])];
}
