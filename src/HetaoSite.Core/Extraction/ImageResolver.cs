using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>The articles with their images resolved, and the image files they use (each once), to be copied.</summary>
public sealed record IllustratedArticles(IReadOnlyList<ArticleExtraction> Articles, IReadOnlyList<ImageFile> Used);

/// <summary>
/// Finds each article's local image among the image files of <c>seeds/</c> and records its content hash, byte count and
/// pixel size. Runs after the article cache, over every article, so a changed image file is always seen: the cache holds
/// only what the article declares. Warnings: HS0151 the file is not there, HS0154 its header is unreadable (both build the
/// article without image), HS0152 no alt text, HS0153 a file over 1 MB (named once, however many articles use it).
/// </summary>
public static class ImageResolver
{
    /// <summary>Formats whose header <see cref="ImageHeader"/> reads; an SVG or AVIF is shown without width and height.</summary>
    private static readonly HashSet<string> Measured = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".webp" };

    public static StageResult<IllustratedArticles> Resolve(IReadOnlyList<ArticleExtraction> articles, IReadOnlyList<ImageFile> images)
    {
        var byPath = images.ToDictionary(i => i.Path, StringComparer.Ordinal);
        var used = new SortedDictionary<string, ImageFile>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        var result = new List<ArticleExtraction>(articles.Count);
        foreach (var extraction in articles)
        {
            var article = extraction.Article;
            var image = article.Image;
            if (image is not null && !image.IsRemote)
            {
                image = Local(article, image, byPath, diagnostics);
                if (image is not null)
                {
                    used[image.Source] = byPath[image.Source];
                }
            }

            if (image is { Alt: null })
            {
                diagnostics.Add(Diagnostic.Warning(ImageCodes.NoAlt, $"image {image.Source} has no alt text", article.FileName, LineIn(image),
                    $"describe the picture with \"articles: {article.FileName}: image_alt: …\" in site-config.yml"));
            }

            result.Add(image == article.Image ? extraction : extraction with { Article = article with { Image = image } });
        }

        foreach (var file in used.Values.Where(f => f.Bytes.LongLength > ImageCodes.LargeBytes))
        {
            diagnostics.Add(Diagnostic.Warning(ImageCodes.Large, $"image is {file.Bytes.LongLength / 1024} KB, more than {ImageCodes.LargeBytes / 1024} KB: slow on a phone", file.Path,
                hint: "save a smaller copy (1600 px wide, JPEG quality 80 is plenty) and refer to it instead"));
        }

        return new StageResult<IllustratedArticles>(new IllustratedArticles(result, [.. used.Values]), diagnostics);
    }

    private static ArticleImage? Local(Article article, ArticleImage image, Dictionary<string, ImageFile> files, List<Diagnostic> diagnostics)
    {
        if (!files.TryGetValue(image.Source, out var file))
        {
            diagnostics.Add(Diagnostic.Warning(ImageCodes.Missing, $"image {image.Source} ({image.From}) is not in the seeds folder; the article is built without it",
                article.FileName, LineIn(image), "image paths are relative to seeds/: put the file there, or correct the path"));
            return null;
        }

        if (file.Size is null && Measured.Contains(Path.GetExtension(file.Path)))
        {
            diagnostics.Add(Diagnostic.Warning(ImageCodes.NotShown, $"image {image.Source} is not a readable PNG, JPEG, GIF or WebP file; the article is built without it",
                article.FileName, LineIn(image), "save the picture again, as a .jpg or .png"));
            return null;
        }

        return image with
        {
            ContentHash = file.ContentHash,
            ByteCount = file.Bytes.LongLength,
            Width = file.Size?.Width ?? image.Width,
            Height = file.Size?.Height ?? image.Height,
        };
    }

    // A line in site-config.yml would mislead next to the article's name.
    private static int? LineIn(ArticleImage image) => image.From == "config" ? null : image.Line;
}
