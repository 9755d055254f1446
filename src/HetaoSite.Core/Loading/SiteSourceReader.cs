using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Reads a site from disk into a <see cref="SiteSource"/>: the config file, every article in the seeds folder and
/// every file under templates. Nothing is ever written here; seeds are opened read-only.
/// </summary>
public static class SiteSourceReader
{
    /// <summary>Extensions of article files, lower case.</summary>
    public static readonly IReadOnlySet<string> ArticleExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".markdown", ".html", ".htm",
    };

    /// <summary>Files larger than this are refused before reading; the configurable, smaller limit is applied when loading.</summary>
    public const long HardMaxFileBytes = 256L * 1024 * 1024;

    public static SiteSource Read(string configPath, string seedsDirectory, string templatesDirectory)
    {
        var diagnostics = new List<Diagnostic>();
        var configText = string.Empty;
        var configName = Path.GetFileName(configPath);
        if (File.Exists(configPath))
        {
            configText = File.ReadAllText(configPath);
        }
        else
        {
            diagnostics.Add(Diagnostic.Error("HS0002", $"config file not found: {configPath}", configName,
                hint: "run from the site folder or pass --config PATH"));
        }

        var (articles, images) = ReadSeeds(seedsDirectory, diagnostics);
        var templates = ReadTemplates(templatesDirectory, diagnostics);
        return new SiteSource(configText, configName, articles, templates, diagnostics) { Images = images };
    }

    /// <summary>
    /// The articles of the seeds folder and its image files (.jpg, .png, … see <see cref="ImageSources.Extensions"/>),
    /// which are assets articles may show, not articles. Both are refused alike when they are symbolic links leaving
    /// the folder or too large.
    /// </summary>
    public static (IReadOnlyList<SourceFile> Articles, IReadOnlyList<ImageFile> Images) ReadSeeds(string seedsDirectory, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(seedsDirectory))
        {
            diagnostics.Add(Diagnostic.Error("HS0002", $"seeds folder not found: {seedsDirectory}", hint: "pass --seeds DIR"));
            return ([], []);
        }

        var root = Path.GetFullPath(seedsDirectory);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var all = Directory.EnumerateFiles(root, "*", options).Order(StringComparer.Ordinal).ToList();
        var paths = all.Where(path => ArticleExtensions.Contains(Path.GetExtension(path))).ToList();
        var imagePaths = all.Where(path => ImageSources.IsImageFile(path) && !IsHidden(root, path)).ToList();

        // A file the build cannot read (a Word document, a PDF) is named, so that nobody wonders where the article went;
        // hidden files (.gitkeep, .DS_Store) stay silent.
        foreach (var path in all.Where(path => !ArticleExtensions.Contains(Path.GetExtension(path)) && !ImageSources.IsImageFile(path)))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (!relative.Split('/').Any(part => part.StartsWith('.')))
            {
                var extension = Path.GetExtension(path);
                diagnostics.Add(Diagnostic.Warning("HS0010", $"unsupported type {(extension.Length > 0 ? extension : "(no extension)")}; skipped", relative,
                    hint: "articles are .txt, .md, .markdown, .html or .htm files; save the article as one of them"));
            }
        }

        // Read in parallel, kept in path order: ten thousand small files are mostly system calls, which two cores halve.
        var result = new List<SourceFile>();
        foreach (var (file, diagnostic) in paths.AsParallel().AsOrdered().Select(path => ReadArticle(root, path)))
        {
            if (diagnostic is not null)
            {
                diagnostics.Add(diagnostic);
            }

            if (file is not null)
            {
                result.Add(file);
            }
        }

        var images = new List<ImageFile>();
        foreach (var (relative, bytes, diagnostic) in imagePaths.AsParallel().AsOrdered().Select(path => ReadFile(root, path)))
        {
            if (diagnostic is not null)
            {
                diagnostics.Add(diagnostic);
            }

            if (bytes is not null)
            {
                images.Add(new ImageFile(relative, bytes));
            }
        }

        return (result, images);
    }

    private static bool IsHidden(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/').Split('/').Any(part => part.StartsWith('.'));

    private static (SourceFile? File, Diagnostic? Problem) ReadArticle(string root, string path)
    {
        if (IsHidden(root, path))
        {
            var hidden = Path.GetRelativePath(root, path).Replace('\\', '/');
            return (null, Diagnostic.Warning("HS0007", "hidden file ignored", hidden, hint: "rename it without the leading dot to publish it"));
        }

        var (relative, bytes, problem) = ReadFile(root, path);
        return (bytes is null ? null : new SourceFile(relative, bytes), problem);
    }

    /// <summary>The bytes of a file in the seeds folder, following a symbolic link only when it stays inside the folder.</summary>
    private static (string Relative, byte[]? Bytes, Diagnostic? Problem) ReadFile(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            string? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            }
            catch (IOException)
            {
                target = null; // a loop of links: refused below like a link leaving the folder
            }

            if (target is not null && !File.Exists(target))
            {
                return (relative, null, Diagnostic.Warning("HS0011", $"symbolic link to '{info.LinkTarget}', which does not exist; skipped", relative,
                    hint: "remove the link, or put the article it should point to in place"));
            }

            if (target is null || !IsInside(root, target))
            {
                return (relative, null, Diagnostic.Error("HS0005", "symbolic link points outside the seeds folder and is refused", relative,
                    hint: "copy the article into seeds/ instead of linking to it"));
            }

            info = new FileInfo(target);
        }

        if (info.Length > HardMaxFileBytes)
        {
            return (relative, null, Diagnostic.Error("HS0006", $"file is {info.Length} bytes, more than {HardMaxFileBytes}", relative));
        }

        try
        {
            return (relative, File.ReadAllBytes(info.FullName), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (relative, null, Diagnostic.Error("HS0008", $"cannot read file: {ex.Message}", relative));
        }
    }

    private static List<TemplateFile> ReadTemplates(string templatesDirectory, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(templatesDirectory))
        {
            diagnostics.Add(Diagnostic.Error("HS0002", $"templates folder not found: {templatesDirectory}"));
            return [];
        }

        var root = Path.GetFullPath(templatesDirectory);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TemplateFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllBytes(path)))
            .ToList();
    }

    private static bool IsInside(string root, string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
