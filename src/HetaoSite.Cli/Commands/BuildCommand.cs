using System.Diagnostics;
using System.Globalization;
using HetaoSite.Core;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Writing;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>build [--config FILE] [--seeds DIR] [--templates DIR] [--out DIR] [--base-path /x/] [--base-url URL] [--keep-going] [--strict] [--no-cache] [--quiet] [--verbose]</c>:
/// parses the arguments, constructs the services (article memo, page store, script converter), runs <see cref="SiteBuilder"/>,
/// prints the summary and chooses the exit code.
/// </summary>
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
        var memo = OpenMemo(paths, arguments);
        // Only a rebuild (the last build's cache and output in place) keeps most of what it allocates (CollectionBudget).
        var budget = memo is not null && Directory.Exists(memo.Root) && Directory.Exists(paths.Output) ? CollectionBudget.Start(paths.Seeds) : 0;
        var pages = memo is null ? null : new DiskPageStore(memo.Root, paths.Output);
        var fragments = memo is null ? null : new DiskFragmentStore(memo.Root);
        var quiet = arguments.Has("quiet");
        var verbose = arguments.Has("verbose");
        var context = Context(arguments, memo, verbose ? new StageTimings() : null) with { Pages = pages, Fragments = fragments };
        var build = ConsoleOutput.WithProgress(stdout, quiet, "building…", () => SiteBuilder.Build(paths.Inputs, context, paths.Output));

        // A failed build writes nothing, so the full list is only in --verbose.
        var reportFile = build.HasErrors ? null : $"{Path.GetFileName(paths.Output)}/data/report.json";
        DiagnosticPrinter.Print(build.Diagnostics, stderr, verbose, reportFile);
        if (build.HasErrors)
        {
            var because = context.Strict ? " (--strict: warnings count as errors)" : string.Empty;
            stderr.WriteLine($"build failed: {build.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s){because}; {Path.GetFileName(paths.Output)}/ was left as it was.");
            return ExitCode.ContentErrors;
        }

        if (verbose)
        {
            stdout.WriteLine($"timings: {context.Timings}");
            stdout.WriteLine($"cpu and allocations: {context.Timings!.CpuAndAllocations()}");
            // Methods compiled while the build ran: none in the published tool, which is compiled ahead of time; every
            // method run under `dotnet run` or as a .NET tool. The time is summed over threads.
            stdout.WriteLine($"jit: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled at run time in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.00} s");
            stdout.WriteLine(CollectionLine(budget));
            stdout.WriteLine($"output: {build.Written}");
            if (memo is not null)
            {
                stdout.WriteLine($"cache: {memo.Hits} hits, {memo.Misses} misses, {memo.Writes} stored ({memo.Root})");
            }

            if (pages is not null)
            {
                stdout.WriteLine($"pages: {pages.RenderedCount} rendered, {pages.ReusedCount} reused");
            }

            if (fragments is not null)
            {
                stdout.WriteLine($"cached partials: {fragments.RenderedCount} rendered, {fragments.ReusedCount} reused");
            }
        }

        if (!quiet)
        {
            PrintSummary(build, reportFile, stopwatch.Elapsed, verbose, stdout);
        }

        return ExitCode.Success;
    }

    /// <summary>
    /// "gc: 3 collections (1 full), paused 0.01 s; first 1,640 MB without collections": the collections of the whole
    /// process (the runtime counts a collection of an older generation in the younger ones' counts too).
    /// </summary>
    internal static string CollectionLine(long budget)
    {
        var region = budget > 0 ? string.Create(CultureInfo.InvariantCulture, $"first {budget / 1_000_000:N0} MB without collections") : "no region without collections";
        return string.Create(CultureInfo.InvariantCulture,
            $"gc: {GC.CollectionCount(0)} collections ({GC.CollectionCount(2)} full), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s; {region}");
    }

    /// <summary>The build's services and options from the command line (shared by build and serve).</summary>
    /// <param name="memo">The article memo, or null for none.</param>
    /// <param name="timings">Where to record stage timings (--verbose), or null.</param>
    public static BuildContext Context(CommandArguments arguments, IArticleCache? memo, StageTimings? timings = null) => new(
        BuildDates.FromEnvironment(),
        ScriptConverters.Default,
        memo,
        arguments.Get("base-path"),
        arguments.Has("keep-going"),
        timings,
        BaseUrl(arguments),
        arguments.Has("strict"));

    /// <summary>The <c>--base-url</c> option, which must be an absolute http(s) URL.</summary>
    public static string? BaseUrl(CommandArguments arguments) =>
        arguments.Get("base-url") is not { } url ? null
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? url
            : throw new UsageException($"--base-url '{url}' is not an absolute http(s) URL");

    /// <summary>The article memo in <c>.hetao-cache/</c> beside <c>site-config.yml</c>, or null with <c>--no-cache</c>.</summary>
    public static DiskArticleCache? OpenMemo(SitePaths paths, CommandArguments arguments) =>
        arguments.Has("no-cache") ? null : new DiskArticleCache(Path.Combine(paths.Root, CacheFolder));

    /// <summary>Name of the cache folder (git-ignored).</summary>
    public const string CacheFolder = ".hetao-cache";

    private static void PrintSummary(SiteBuild build, string? reportFile, TimeSpan elapsed, bool verbose, TextWriter stdout)
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
        var pages = build.Pages;
        var seconds = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (build.Timeline.PossibleDuplicates.Count is var duplicates and > 0)
        {
            stdout.WriteLine($"{duplicates} possible duplicate event pair(s) (look-alike titles, dates that cannot both be right) are listed in {reportFile}");
        }

        stdout.WriteLine($"{build.Articles.Count} articles, {events} events, {pages} pages in {seconds} s");
    }
}
