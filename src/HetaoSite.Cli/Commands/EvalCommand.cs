using System.Globalization;
using System.Text.Json;
using HetaoSite.Core;
using HetaoSite.Core.Evaluation;
using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>eval [--set tests/DevSet] [--config site-config.yml] [--json] [--verbose]</c>: builds the development set's
/// articles in memory as <c>build</c> does (no cache, OpenCC when installed, <c>--keep-going</c> so one bad article
/// costs its own events only) and scores the result against the gold files (<see cref="DevSetEvaluator"/>).
/// Exit 0 when the metrics were computed, 1 when the gold or the config is malformed, 2 on usage errors.
/// </summary>
public static class EvalCommand
{
    private const int Examples = 5;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = CommandArguments.Parse(args, ["set", "config"], ["json", "verbose"]);
        if (arguments.Positional.Count > 0)
        {
            throw new UsageException($"eval takes no arguments, got '{arguments.Positional[0]}'");
        }

        var set = Path.GetFullPath(arguments.Get("set") ?? Path.Combine("tests", "DevSet"));
        var articlesFolder = Path.Combine(set, "articles");
        var goldFolder = Path.Combine(set, "gold");
        if (!Directory.Exists(articlesFolder) || !Directory.Exists(goldFolder))
        {
            throw new UsageException($"--set {set} has no articles/ and gold/ folders");
        }

        var config = Path.GetFullPath(arguments.Get("config") ?? "site-config.yml");
        if (!File.Exists(config))
        {
            throw new UsageException($"no config at {config} (pass --config FILE)");
        }

        var gold = ReadGold(goldFolder);
        var context = new BuildContext(BuildDates.FromEnvironment(), ScriptConverters.Default, Cache: null, KeepGoing: true);
        var build = SiteBuilder.Build(new SiteInputs(config, articlesFolder, Path.Combine(Path.GetDirectoryName(config)!, "templates")), context);
        var problems = gold.Diagnostics.Concat(DevSetEvaluator.Unpaired(build.ArticleFiles, gold.Value)).ToList();
        if (problems.Count > 0)
        {
            DiagnosticPrinter.Print(problems, stderr, verbose: false);
            stderr.WriteLine($"eval: the gold in {goldFolder} is malformed ({problems.Count} problem(s)); nothing was measured");
            return ExitCode.ContentErrors;
        }

        var verbose = arguments.Has("verbose");
        DiagnosticPrinter.Print(build.Diagnostics.Where(d => verbose || d.Severity == Severity.Error), stderr, verbose);
        if (build.HasErrors)
        {
            stderr.WriteLine("eval: the development set did not build; nothing was measured");
            return ExitCode.ContentErrors;
        }

        var score = DevSetEvaluator.Evaluate(DevSetOutput.From(build), gold.Value);
        if (arguments.Has("json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(score, JsonOptions.Score));
        }
        else
        {
            Print(score, set, build.SkippedFiles, stdout, verbose);
        }

        return ExitCode.Success;
    }

    /// <summary>Every gold file in <paramref name="folder"/>, parsed; the diagnostics name the malformed ones.</summary>
    public static StageResult<IReadOnlyList<GoldArticle>> ReadGold(string folder)
    {
        var gold = new List<GoldArticle>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var parsed = GoldParser.Parse(File.ReadAllText(path), Path.GetFileName(path));
            diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.Value is { } article)
            {
                gold.Add(article);
            }
        }

        return new StageResult<IReadOnlyList<GoldArticle>>(gold, diagnostics);
    }

    private static void Print(DevSetScore score, string set, IReadOnlyList<string> skipped, TextWriter stdout, bool verbose)
    {
        stdout.WriteLine($"development set {Path.GetRelativePath(Environment.CurrentDirectory, set)}: {score.Articles} articles, {score.GoldEvents} gold events");
        if (skipped.Count > 0)
        {
            var shown = verbose ? skipped : skipped.Take(Examples).ToList();
            stdout.WriteLine($"  skipped by the build: {skipped.Count} article(s): {string.Join(", ", shown)}{(shown.Count < skipped.Count ? ", …" : string.Empty)}");
        }

        stdout.WriteLine($"recall            {Ratio(score.Recall)}  ({score.Found}/{score.GoldEvents} gold events found)");
        if (score.Missed.Count > 0)
        {
            var causes = score.Missed.GroupBy(m => m.CauseKind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
            stdout.WriteLine($"  misses by cause: {string.Join(", ", causes.Select(g => $"{g.Count()} {g.Key}"))}");
        }

        stdout.WriteLine($"precision         {Ratio(score.Precision)}  ({score.TruePairs}/{score.Pairs} event-article pairs match the gold)");
        stdout.WriteLine($"publication dates {score.PublishedCorrect}/{score.Articles}");
        stdout.WriteLine($"title faults      {score.TitleFaults.Count} of {score.Titles} titles");
        foreach (var fault in verbose ? score.TitleFaults : score.TitleFaults.Take(Examples))
        {
            stdout.WriteLine($"  「{fault.Title}」 {fault.Date} ({fault.FileName}): {string.Join("; ", fault.Faults)}");
        }

        stdout.WriteLine($"quotations        {score.QuotationsExact}/{score.Quotations} exact");
        if (!verbose)
        {
            stdout.WriteLine("(--verbose lists every miss, false positive, wrong date and altered quotation)");
            return;
        }

        Section(stdout, "missed gold events", score.Missed, m =>
            $"{m.FileName}:{m.Line}: {m.Date} 「{m.Title}」 key 「{m.Key}」"
            + (m.FoundAs.Count > 0 ? $" (its sentence became an event dated {string.Join(", ", m.FoundAs)})" : string.Empty)
            + (m.Cause is null ? string.Empty : $" — {m.Cause}"));
        Section(stdout, "false positives", score.FalsePositives, f =>
            $"{f.FileName}: {f.Date} 「{f.Title}」" + (f.NonEvent is null ? string.Empty : $" [gold non-event: {f.NonEvent}]") + $"\n    {f.Sentence}");
        Section(stdout, "wrong publication dates", score.WrongPublished, w => $"{w.FileName}: expected {w.Expected}, got {w.Actual ?? "no date"}");
        Section(stdout, "altered quotations", score.AlteredQuotations, a => $"{a.FileName} ({a.Where}): {a.Sentence}");
    }

    private static void Section<T>(TextWriter stdout, string heading, IReadOnlyList<T> items, Func<T, string> describe)
    {
        stdout.WriteLine();
        stdout.WriteLine($"{heading} ({items.Count}):");
        foreach (var item in items)
        {
            stdout.WriteLine("  " + describe(item));
        }
    }

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
