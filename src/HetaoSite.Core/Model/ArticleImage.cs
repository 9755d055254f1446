using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>
/// An article's lead image: declared in its front matter, in <c>site-config.yml</c> or by its saved page
/// (<c>og:image</c>, the first <c>&lt;figure&gt;</c>), and, for a file under <c>seeds/</c>, what the build found in it.
/// A value: the bytes stay in the loaded <c>ImageFile</c> and are copied by the writer.
/// </summary>
/// <param name="Source">An https URL, or a path relative to <c>seeds/</c> ('/'-separated, checked safe): <c>images/x.jpg</c>.</param>
/// <param name="Alt">The text alternative; null when none was given (warning HS0152).</param>
/// <param name="Caption">Shown under the image on the article page and in TimelineJS.</param>
/// <param name="Credit">Photographer or agency, shown after the caption.</param>
/// <param name="Width">Pixel width: read from the file's header for a local image; declared (if at all) for a remote one.</param>
/// <param name="From">Where it was declared, for people: <c>front matter</c>, <c>config</c>, <c>og:image</c>, <c>figure</c>.</param>
/// <param name="Line">1-based line of the declaration in its file (the article's, or site-config.yml's when <paramref name="From"/> is config).</param>
/// <param name="ContentHash">SHA-256 of a local file (upper-case hex), set once the file is found; null for a remote image.</param>
/// <param name="ByteCount">Size of a local file in bytes; 0 for a remote image.</param>
[MemoryPackable]
public sealed partial record ArticleImage(
    string Source,
    string? Alt,
    string? Caption,
    string? Credit,
    int? Width,
    int? Height,
    string From,
    int? Line,
    string? ContentHash = null,
    long ByteCount = 0)
{
    /// <summary>Hex digits of the content hash put into a copied file's name.</summary>
    public const int HashLength = 8;

    [MemoryPackIgnore]
    public bool IsRemote => Source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where a local image is written in the output: its path under <c>seeds/</c> with the first hex digits of its
    /// content hash before the extension (<c>images/x.jpg</c> → <c>images/x.3f2a9c1b.jpg</c>), so a changed file gets a new
    /// name and can be cached for ever. Null for a remote image, or before the file was found.
    /// </summary>
    [MemoryPackIgnore]
    public string? OutputPath => IsRemote || ContentHash is null ? null : HashedPath(Source, ContentHash);

    /// <summary><c>images/x.jpg</c> and a hash → <c>images/x.3f2a9c1b.jpg</c>.</summary>
    public static string HashedPath(string path, string contentHash)
    {
        var dot = path.LastIndexOf('.');
        var slash = path.LastIndexOf('/');
        var hash = contentHash[..Math.Min(HashLength, contentHash.Length)].ToLowerInvariant();
        return dot > slash + 1 ? $"{path[..dot]}.{hash}{path[dot..]}" : $"{path}.{hash}";
    }
}

/// <summary>The pixel size of an image, as its file header states it (after any EXIF rotation of a JPEG).</summary>
public sealed record ImageSize(int Width, int Height);
