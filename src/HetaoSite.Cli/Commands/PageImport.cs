using HetaoSite.Core;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>new --from page.html</c>: imports a saved web page as a seed article. The page is read as a build would read it
/// (metadata, cleaned text, dated statements) and, when it builds, copied byte for byte into the seeds folder as
/// <c>{published}-{slug}.html</c>, so the seed is the file as given. A page that would not build is not copied.
/// </summary>
public static class PageImport
{
    public static int Run(string page, SitePaths paths, TextWriter stdout, TextWriter stderr)
    {
        var extension = Path.GetExtension(page).ToLowerInvariant();
        if (extension is not (".html" or ".htm"))
        {
            throw new UsageException($"--from '{page}' is not a saved web page (.html or .htm)");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(page);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--from '{page}' cannot be read: {ex.Message}");
        }

        var config = File.Exists(paths.Config)
            ? SiteConfigParser.Parse(File.ReadAllText(paths.Config), Path.GetFileName(paths.Config))
            : new StageResult<SiteConfig>(SiteConfig.Default, []);
        var processed = ArticleProcessor.Process(new SourceFile(Path.GetFileName(page), bytes), config.Value);
        var diagnostics = config.Diagnostics.Concat(processed.Diagnostics).ToList();
        DiagnosticPrinter.Print(diagnostics, stderr, verbose: false);
        if (processed.Value is not { } extraction || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            stderr.WriteLine($"new: {Path.GetFileName(page)} was not imported: the build would refuse it");
            return ExitCode.ContentErrors;
        }

        var article = extraction.Article;
        var fileName = FileName(article, extension);
        Directory.CreateDirectory(paths.Seeds);
        var path = Path.Combine(paths.Seeds, fileName);
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(bytes);
        }
        catch (IOException) when (File.Exists(path))
        {
            stderr.WriteLine($"{Path.Combine(Path.GetFileName(paths.Seeds), fileName)}: error HS0311: file exists; not overwritten");
            return ExitCode.ContentErrors;
        }

        stdout.WriteLine($"created {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
        stdout.WriteLine($"  title      {article.Title}");
        stdout.WriteLine($"  outlet     {article.Outlet ?? "(none found; set it in site-config.yml)"}");
        stdout.WriteLine($"  published  {article.Published} ({article.DateSource})");
        stdout.WriteLine($"  text       {article.CharacterCount} characters, {extraction.Statements.Count} dated statements");
        return ExitCode.Success;
    }

    /// <summary>"{published}-{slug of the title}.html", as <see cref="NewCommand.FileName"/> names written articles.</summary>
    private static string FileName(Article article, string extension)
    {
        var slug = ArticleIds.FromFileName(article.Title.Replace('/', ' ').Replace('\\', ' ') + extension);
        return $"{article.Published}-{slug}{extension}";
    }
}
