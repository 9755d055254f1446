using System.Globalization;
using HetaoSite.Core.Model;
using HetaoSite.Core.Yaml;
using MemoryPack;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Core.Loading;

/// <summary>
/// The image keys of an article's YAML, the same in its front matter and in <c>site-config.yml</c>'s <c>articles:</c>
/// entry: <c>image</c>, <c>image_alt</c>, <c>image_caption</c>, <c>image_credit</c>, <c>image_width</c>, <c>image_height</c>.
/// </summary>
/// <param name="Source">The checked reference (see <see cref="ImageSources.Check"/>); null when absent or not usable.</param>
/// <param name="Line">Line of the <c>image</c> key (or of the first image key when there is none).</param>
[MemoryPackable]
public sealed partial record ImageKeys(string? Source, string? Alt, string? Caption, string? Credit, int? Width, int? Height, int Line)
{
    public static readonly string[] Names = ["image", "image_alt", "image_caption", "image_credit", "image_width", "image_height"];

    /// <summary>Largest width or height accepted, in pixels.</summary>
    private const int MaxPixels = 100_000;

    [MemoryPackIgnore]
    public bool IsEmpty => Source is null && Alt is null && Caption is null && Credit is null && Width is null && Height is null;

    /// <summary>
    /// Reads the image keys of <paramref name="map"/>; null when it has none. An unsafe path or a bad size is an error
    /// naming <paramref name="file"/> and the line; an http URL or a file that is not an image is a warning.
    /// </summary>
    /// <param name="lineOf">The 1-based file line of a node.</param>
    public static ImageKeys? Read(YamlMappingNode map, string file, Func<YamlNode, int> lineOf, List<Diagnostic> diagnostics)
    {
        var keys = Names.Select(name => map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == name)).ToList();
        if (keys.All(k => k is null))
        {
            return null;
        }

        var imageKey = keys[0] ?? keys.First(k => k is not null)!;
        var line = lineOf(imageKey);
        string? source = null;
        if (keys[0] is not null)
        {
            var check = ImageSources.Check(map.GetString("image"));
            source = check.Source;
            if (check.Error is { } error)
            {
                diagnostics.Add(Diagnostic.Error(ImageCodes.Unsafe, error, file, line,
                    "an image is an https URL or a file under seeds/ written relative to it, such as images/x.jpg"));
            }
            else if (check.Warning is { } warning)
            {
                diagnostics.Add(Diagnostic.Warning(ImageCodes.NotShown, warning, file, line,
                    "use an https URL, or put the file under seeds/ and write its path relative to seeds/"));
            }
        }

        return new ImageKeys(source, map.GetString("image_alt"), map.GetString("image_caption"), map.GetString("image_credit"),
            Pixels(map, "image_width", file, lineOf, diagnostics), Pixels(map, "image_height", file, lineOf, diagnostics), line);
    }

    /// <summary>The declared image, when there is a usable source.</summary>
    public ArticleImage? ToImage(string from) =>
        Source is null ? null : new ArticleImage(Source, Alt, Caption, Credit, Width, Height, from, Line);

    private static int? Pixels(YamlMappingNode map, string key, string file, Func<YamlNode, int> lineOf, List<Diagnostic> diagnostics)
    {
        if (map.Get(key) is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value is > 0 and <= MaxPixels)
        {
            return value;
        }

        diagnostics.Add(Diagnostic.Error(ImageCodes.Unsafe, $"'{key}: {node.ToText()}' is not a number of pixels (1–{MaxPixels})", file, lineOf(node)));
        return null;
    }
}

/// <summary>Diagnostic codes of images (see docs/diagnostics.md).</summary>
public static class ImageCodes
{
    /// <summary>Error: an image reference that could leave seeds/, another URL scheme, or a bad size.</summary>
    public const string Unsafe = "HS0150";

    /// <summary>Warning: a local image file is not in seeds/ (the article is built without image).</summary>
    public const string Missing = "HS0151";

    /// <summary>Warning: an image without alt text.</summary>
    public const string NoAlt = "HS0152";

    /// <summary>Warning: a local image file over <see cref="LargeBytes"/>.</summary>
    public const string Large = "HS0153";

    /// <summary>Warning: an image that is not shown (http URL, not an image, an unreadable header).</summary>
    public const string NotShown = "HS0154";

    /// <summary>Above this many bytes a copied image gets warning HS0153.</summary>
    public const long LargeBytes = 1024 * 1024;
}
