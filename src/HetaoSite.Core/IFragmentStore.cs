namespace HetaoSite.Core;

/// <summary>
/// The output of cached partials (<c>include_cached</c>, an event card) as earlier builds rendered them, so that a
/// partial whose keys and whose reads of the globals are unchanged is not rendered again, on whichever page it appears
/// (see docs/PERFORMANCE.md, Page reuse). Not tied to an output folder: a fragment is text, kept by the store itself.
/// </summary>
public interface IFragmentStore
{
    /// <summary>
    /// The fragment a build with the same <paramref name="buildKey"/> (engine, templates, configuration…) rendered for
    /// <paramref name="key"/> (the script, the partial and the hashes of its keys), or null.
    /// </summary>
    FragmentRecord? Find(string buildKey, UInt128 key);

    /// <summary>Notes a fragment this build rendered.</summary>
    void Add(string buildKey, FragmentRecord record);

    /// <summary>After the output was written: keeps the fragments for the next build. Returns how many are kept.</summary>
    int Save();
}

/// <summary>One rendering of a cached partial, and everything it read.</summary>
/// <param name="Key">The script, the partial's path, and the name and hash of each of its keys.</param>
/// <param name="Reads">Each path the partial read from the globals (members separated by U+001F), in order.</param>
/// <param name="ReadsHash">One hash of the values the partial found at those paths.</param>
/// <param name="Text">The partial's output.</param>
public sealed record FragmentRecord(UInt128 Key, IReadOnlyList<string> Reads, string ReadsHash, string Text);
