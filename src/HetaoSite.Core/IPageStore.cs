using System.IO.Hashing;
using MemoryPack;

namespace HetaoSite.Core;

/// <summary>
/// What the previous build recorded of each page it rendered, so that a page whose inputs are all unchanged is kept as
/// it is on disk instead of being rendered again (see docs/PERFORMANCE.md, Page reuse). Tied to one output folder.
/// </summary>
public interface IPageStore
{
    /// <summary>The record the previous build left for the page at <paramref name="outputPath"/>, or null.</summary>
    PageRecord? Find(string outputPath);

    /// <summary>True when the output folder holds, at <paramref name="record"/>'s path, a file of its size and content hash.</summary>
    bool HasOutput(PageRecord record);

    /// <summary>Notes a page this build rendered, with its record (null when it must never be reused).</summary>
    void Rendered(PageRecord? record);

    /// <summary>Notes a page this build kept from the previous one.</summary>
    void Reused(PageRecord record);

    /// <summary>After the output was written: keeps this build's records, and only those. Returns how many.</summary>
    int Save();
}

/// <summary>One page as a build rendered it, and everything it read.</summary>
/// <param name="Key">The build-wide inputs (engine, templates, configuration…) and the page's template, layout and script.</param>
/// <param name="Page">The hash of the page's own <c>page</c> object.</param>
/// <param name="Reads">Each path the page read from the globals (members separated by U+001F), in order.</param>
/// <param name="ReadsHash">One hash of the values the page found at those paths.</param>
/// <param name="Size">The size of the output file.</param>
/// <param name="ContentHash">The hash of the output file's bytes (<see cref="HashOf"/>).</param>
/// <param name="Modified">The output file's last write time (UTC ticks) when it was known to hold those bytes; 0 when
/// not known. A file of this size and time is the one recorded; any other is read and hashed.</param>
[MemoryPackable]
public sealed partial record PageRecord(string OutputPath, string Key, string Page, IReadOnlyList<string> Reads, string ReadsHash, long Size, string ContentHash, long Modified = 0)
{
    /// <summary>
    /// The content hash of an output file's bytes: XxHash128, which only has to tell the file the build wrote from one
    /// changed since (not resist an attacker, who would have to write the output folder), and which costs a small part
    /// of SHA-256 over every page of a cold build.
    /// </summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexString(XxHash128.Hash(content));
}
