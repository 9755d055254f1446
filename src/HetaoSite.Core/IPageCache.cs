namespace HetaoSite.Core;

/// <summary>
/// Rendered pages by fingerprint (see <c>Rendering/PageFingerprints</c>): a page whose fingerprint was rendered before
/// is taken from here instead of being rendered again. Implementations must return exactly the bytes stored under a
/// fingerprint, or nothing: a cache can make a build faster, never different.
/// </summary>
public interface IPageCache
{
    /// <summary>
    /// Whether a page was stored under <paramref name="fingerprint"/>; if so, <paramref name="read"/> gives its bytes
    /// when called (later, or never: a writer that finds the page already in the output does not ask), or null if the
    /// entry has gone missing since.
    /// </summary>
    bool TryFind(string fingerprint, out Func<byte[]?>? read);

    /// <summary>
    /// Stores a rendered page. Returns how to read it back (as <see cref="TryFind"/> does), so the caller need not keep
    /// the bytes in memory, or null when it could not be stored.
    /// </summary>
    Func<byte[]?>? Put(string fingerprint, byte[] content);
}
