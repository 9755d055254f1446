namespace HetaoSite.Core.Loading;

/// <summary>What a declared image reference turned out to be: a usable source, a hostile path (error) or a gap (warning).</summary>
/// <param name="Source">The https URL, or the path relative to <c>seeds/</c> with <c>.</c> segments removed; null when not usable.</param>
public sealed record ImageCheck(string? Source, string? Error = null, string? Warning = null);

/// <summary>
/// The one check of an image reference (front matter <c>image:</c>, <c>site-config.yml</c>, a saved page): an https URL,
/// or a path under <c>seeds/</c> written relative to it (<c>images/x.jpg</c>). A path that could leave <c>seeds/</c>
/// (<c>..</c>, absolute, a drive, a backslash, a control character) or another URL scheme (<c>javascript:</c>,
/// <c>data:</c>, <c>file:</c>) is an error; an <c>http:</c> URL or a file that is not an image is a warning and not shown.
/// </summary>
public static class ImageSources
{
    /// <summary>Extensions of image files: under <c>seeds/</c> these are assets, never articles.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".svg",
    };

    /// <summary>Longest reference accepted (an https URL with a long query string fits).</summary>
    public const int MaxLength = 2048;

    public static bool IsImageFile(string path) => Extensions.Contains(Path.GetExtension(path));

    public static ImageCheck Check(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new ImageCheck(null);
        }

        if (text.Length > MaxLength)
        {
            return new ImageCheck(null, Error: $"image reference is {text.Length} characters long, more than {MaxLength}");
        }

        if (text.Any(c => char.IsControl(c)))
        {
            return new ImageCheck(null, Error: "image reference holds control characters");
        }

        if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
                ? new ImageCheck(text)
                : new ImageCheck(null, Error: $"'{Shorten(text)}' is not a valid https URL");
        }

        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return new ImageCheck(null, Warning: $"image '{Shorten(text)}' is not an https URL and is not shown (pages are served over https)");
        }

        if (text.StartsWith('/') || text.Contains('\\'))
        {
            return new ImageCheck(null, Error: $"image path '{Shorten(text)}' is absolute or uses backslashes; write it relative to seeds/ (images/x.jpg)");
        }

        // A colon before the first slash is a scheme (javascript:, data:, file:) or a drive (C:).
        if (text.IndexOf(':') is >= 0 and var colon && (text.IndexOf('/') is var slash && (slash < 0 || colon < slash)))
        {
            return new ImageCheck(null, Error: $"image '{Shorten(text)}' is neither an https URL nor a path under seeds/");
        }

        var segments = text.Split('/');
        if (segments.Contains(".."))
        {
            return new ImageCheck(null, Error: $"image path '{Shorten(text)}' leaves the seeds folder");
        }

        var path = string.Join('/', segments.Where(s => s is not ("" or ".")));
        if (!IsImageFile(path))
        {
            return new ImageCheck(null, Warning: $"'{Shorten(text)}' is not an image file ({string.Join(", ", Extensions)}); no image is shown");
        }

        return new ImageCheck(path);
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
