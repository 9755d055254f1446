namespace HetaoSite.Core;

/// <summary>
/// Rendered pages by fingerprint (see <c>Rendering/PageFingerprints</c>): a page whose fingerprint was rendered before
/// is taken from here instead of being rendered again. Implementations must return exactly the bytes stored under a
/// fingerprint, or nothing: a cache can make a build faster, never different.
/// </summary>
public interface IPageCache
{
    bool TryGet(string fingerprint, out byte[]? content);

    void Put(string fingerprint, byte[] content);
}
