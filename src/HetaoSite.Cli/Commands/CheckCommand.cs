using System.Diagnostics;
using System.Globalization;
using HetaoSite.Core.Checking;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>check [--out DIR] [--base-path /x/] [--base-url URL] [--config FILE] [--strict] [--quiet] [--verbose]</c> validates a built site folder
/// (default <c>_site</c>) with <see cref="SiteChecker"/>. The base path and base URL come from the config when it
/// exists; <c>--base-path</c> wins, as in <c>build</c>.
/// </summary>
public static class CheckCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = CommandArguments.Parse(args, ["out", "base-path", "base-url", "config"], ["strict", "quiet", "verbose"]);
        var paths = SitePaths.From(arguments);
        if (!Directory.Exists(paths.Output))
        {
            stderr.WriteLine($"error HS0300: no built site at {paths.Output}; run `hetao build` first (or pass --out DIR)");
            return ExitCode.ContentErrors;
        }

        var stopwatch = Stopwatch.StartNew();
        var options = Options(paths, arguments.Get("base-path"), BuildCommand.BaseUrl(arguments), stderr);
        var files = ReadSite(paths.Output);
        var result = ConsoleOutput.WithProgress(stdout, arguments.Has("quiet"), "checking…", () => SiteChecker.Check(files, options));
        if (arguments.Has("strict"))
        {
            result = result with { Diagnostics = Diagnostic.WarningsAsErrors(result.Diagnostics) };
        }

        DiagnosticPrinter.Print(result.Diagnostics, stderr, arguments.Has("verbose"));
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        if (!arguments.Has("quiet") || errors > 0)
        {
            var seconds = stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            var summary = result.Value;
            stdout.WriteLine($"checked {summary.Pages} pages, {summary.InternalLinks} internal links, {summary.Files} files under {options.BasePath} in {seconds} s: {errors} error(s), {warnings} warning(s)");
        }

        return errors > 0 ? ExitCode.ContentErrors : ExitCode.Success;
    }

    /// <summary>Every file under <paramref name="root"/>, as the site's files with '/'-separated relative paths.</summary>
    public static IReadOnlyList<OutputFile> ReadSite(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => new OutputFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllBytes(path)))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();

    private static SiteCheckOptions Options(SitePaths paths, string? basePathOverride, string? baseUrlOverride, TextWriter stderr)
    {
        var site = SiteSettings.Default;
        string? baseUrl = null;
        if (File.Exists(paths.Config))
        {
            var config = SiteConfigParser.Parse(File.ReadAllText(paths.Config), Path.GetFileName(paths.Config));
            DiagnosticPrinter.Print(config.Diagnostics.Where(d => d.Severity == Severity.Error), stderr, verbose: false);
            site = config.Value.Site;
            baseUrl = site.BaseUrl;
        }

        var basePath = SiteConfigParser.NormaliseBasePath(basePathOverride ?? site.BasePath);
        if (baseUrlOverride is not null)
        {
            baseUrl = baseUrlOverride.EndsWith('/') ? baseUrlOverride : baseUrlOverride + "/";
        }

        return new SiteCheckOptions(basePath, baseUrl);
    }
}
