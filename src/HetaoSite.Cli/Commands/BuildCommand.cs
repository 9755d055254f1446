using System.Diagnostics;
using System.Globalization;
using HetaoSite.Core;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Writing;

namespace HetaoSite.Cli.Commands;

/// <summary><c>build [--config FILE] [--seeds DIR] [--templates DIR] [--out DIR] [--base-path /x/] [--base-url URL] [--keep-going] [--strict] [--no-cache] [--quiet] [--verbose]</c>.</summary>
public static class BuildCommand
{
    public static readonly string[] ValuedOptions = ["config", "seeds", "templates", "out", "base-path", "base-url"];
    public static readonly string[] Switches = ["keep-going", "strict", "no-cache", "quiet", "verbose"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = CommandArguments.Parse(args, ValuedOptions, Switches);
        if (arguments.Positional.Count > 0)
        {
            throw new UsageException($"build takes no arguments, got '{arguments.Positional[0]}'");
        }

        var paths = SitePaths.From(arguments);
        var stopwatch = Stopwatch.StartNew();
        var cache = OpenCache(paths, arguments);
        var quiet = arguments.Has("quiet");
        var verbose = arguments.Has("verbose");
        var timings = verbose ? new StageTimings() : null;
        var build = ConsoleOutput.WithProgress(stdout, quiet, "building…", () => BuildSite(paths, arguments, cache, timings));
        var strict = arguments.Has("strict");
        if (strict)
        {
            build = build with { Diagnostics = Diagnostic.WarningsAsErrors(build.Diagnostics) };
        }

        // A failed build writes nothing, so the full list is only in --verbose.
        var reportFile = build.HasErrors ? null : $"{Path.GetFileName(paths.Output)}/data/report.json";
        DiagnosticPrinter.Print(build.Diagnostics, stderr, verbose, reportFile);
        if (build.HasErrors)
        {
            var because = strict ? " (--strict: warnings count as errors)" : string.Empty;
            stderr.WriteLine($"build failed: {build.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s){because}; {Path.GetFileName(paths.Output)}/ was left as it was.");
            return ExitCode.ContentErrors;
        }

        var written = timings.Time("write", () => SiteWriter.Write(build.Files, paths.Output));
        if (verbose)
        {
            stdout.WriteLine($"timings: {timings}");
            stdout.WriteLine($"output: {written}");
            if (cache is not null)
            {
                stdout.WriteLine($"cache: {cache.Hits} hits, {cache.Misses} misses, {cache.Writes} stored ({cache.Root})");
            }
        }

        if (!quiet)
        {
            var report = BuildReport.Lines(build.Articles, build.Timeline);
            if (verbose)
            {
                foreach (var line in report)
                {
                    stdout.WriteLine(BuildReport.Describe(line));
                }
            }

            stdout.WriteLine(BuildReport.Summary(report));
            var events = build.Timeline.Events.Count;
            var pages = build.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
            var seconds = stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            if (build.Timeline.PossibleDuplicates.Count is var duplicates and > 0)
            {
                stdout.WriteLine($"{duplicates} possible duplicate event pair(s) (look-alike titles, dates that cannot both be right) are listed in {reportFile}");
            }

            stdout.WriteLine($"{build.Articles.Count} articles, {events} events, {pages} pages in {seconds} s");
        }

        return ExitCode.Success;
    }

    /// <summary>Reads the site from <paramref name="paths"/> and builds it in memory (shared by build, serve and check).</summary>
    /// <param name="cache">The per-article cache; when null, the disk cache of <see cref="OpenCache"/> is used.</param>
    /// <param name="timings">Where to record stage timings (--verbose), or null.</param>
    public static SiteBuild BuildSite(SitePaths paths, CommandArguments arguments, IArticleCache? cache = null, StageTimings? timings = null)
    {
        cache ??= OpenCache(paths, arguments);
        var source = timings.Time("read sources", () => SiteSourceReader.Read(paths.Config, paths.Seeds, paths.Templates));
        var context = new BuildContext(
            BuildDates.FromEnvironment(),
            ScriptConverters.Default,
            cache,
            arguments.Get("base-path"),
            arguments.Has("keep-going"),
            timings,
            BaseUrl(arguments));
        var build = SiteBuilder.Build(source, context);
        timings.Time("prune cache", () => (cache as DiskArticleCache)?.Prune(source.Articles.Count));
        return build;
    }

    /// <summary>The <c>--base-url</c> option, which must be an absolute http(s) URL.</summary>
    public static string? BaseUrl(CommandArguments arguments) =>
        arguments.Get("base-url") is not { } url ? null
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url
            : throw new UsageException($"--base-url '{url}' is not an absolute http(s) URL");

    /// <summary>The per-article cache in <c>.hetao-cache/</c> beside <c>site-config.yml</c>, or null with <c>--no-cache</c>.</summary>
    public static DiskArticleCache? OpenCache(SitePaths paths, CommandArguments arguments) =>
        arguments.Has("no-cache") ? null : new DiskArticleCache(Path.Combine(paths.Root, CacheFolder));

    /// <summary>Name of the cache folder (git-ignored).</summary>
    public const string CacheFolder = ".hetao-cache";
}
