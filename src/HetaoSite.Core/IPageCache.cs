using System.Diagnostics.CodeAnalysis;

namespace HetaoSite.Core;

/// <summary>
/// Rendered pages by fingerprint (see <c>Rendering/PageFingerprints</c>): a page whose fingerprint was rendered before
/// is taken from here instead of being rendered again. Implementations must return exactly the bytes stored under a
/// fingerprint, or nothing: a cache can make a build faster, never different.
/// </summary>
public interface IPageCache
{
    /// <summary>Whether a page was stored under <paramref name="fingerprint"/>, and if so, where it is.</summary>
    bool TryFind(string fingerprint, [NotNullWhen(true)] out StoredPage? page);

    /// <summary>
    /// Stores a rendered page. Returns where it is (as <see cref="TryFind"/> does), so the caller need not keep the
    /// bytes in memory, or null when it could not be stored.
    /// </summary>
    StoredPage? Put(string fingerprint, byte[] content);
}

/// <summary>A page kept by an <see cref="IPageCache"/>.</summary>
/// <param name="Read">
/// Gives the page's bytes when called (later, or never: a writer that finds the page already in the output does not
/// ask), or null if the entry has gone missing since.
/// </param>
/// <param name="File">
/// A file holding exactly those bytes that nothing changes in place (an entry is only ever replaced whole), which the
/// writer may link into the output instead of copying the bytes; null when the cache keeps no such file.
/// </param>
public sealed record StoredPage(Func<byte[]?> Read, string? File = null);
