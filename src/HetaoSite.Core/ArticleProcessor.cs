using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core;

/// <summary>
/// The per-article part of the pipeline (load → clean → resolve metadata → extract dates), run in parallel over all
/// articles and memoised by content, each under its time limit. One bad article never stops the others from being processed, so a build reports
/// every problem at once.
/// </summary>
public static class ArticleProcessor
{
    /// <summary>Diagnostic code of "article skipped under --keep-going".</summary>
    public const string SkippedCode = "HS0009";

    /// <summary>Diagnostic code of "processing took too long and was abandoned".</summary>
    public const string AbandonedCode = "HS0142";

    public static StageResult<IReadOnlyList<ArticleExtraction>> ProcessAll(IReadOnlyList<SourceFile> files, SiteConfig config, BuildContext context)
    {
        // One conversion per distinct text across all articles (many share headings, outlets and phrases).
        var converter = CachingScriptConverter.Wrap(context.Converter);
        // Entries made with conversions must never serve a build without them, nor one with another converter.
        // Only a build with a memo needs it (serializing the configuration is not free on first use).
        var sharedFingerprint = context.Cache is null ? string.Empty
            : converter is null ? ConfigFingerprint(config) : Fingerprint($"{ConfigFingerprint(config)}|{converter.Identity}");
        // Handed out in small chunks as threads ask for them (a saved web page costs more than a Markdown file), in order.
        var results = Partitioner.Create(files.ToArray(), loadBalance: true)
            .AsParallel().AsOrdered()
            .Select(file => ProcessCached(file, ArticleView(config, file.FileName), context.Cache, sharedFingerprint, converter))
            .ToList();
        context.Cache?.Save(files.Count);

        var diagnostics = new List<Diagnostic>();
        var extractions = new List<ArticleExtraction>();
        foreach (var (file, result) in files.Zip(results))
        {
            if (result.Value is { } extraction && !result.HasErrors)
            {
                extractions.Add(extraction);
                diagnostics.AddRange(result.Diagnostics);
            }
            else if (context.KeepGoing)
            {
                diagnostics.AddRange(result.Diagnostics.Select(d => d.Severity == Severity.Error ? d with { Severity = Severity.Warning } : d));
                diagnostics.Add(Diagnostic.Warning(SkippedCode, "article skipped because of the problems above (--keep-going)", file.FileName));
            }
            else
            {
                diagnostics.AddRange(result.Diagnostics);
            }
        }

        var unique = ArticleIds.MakeUnique(extractions);
        // Undated articles last: they have no place among the dated ones.
        var ordered = unique.OrderBy(e => e.Article.IsUndated).ThenBy(e => e.Article.Published).ThenBy(e => e.Article.FileName, StringComparer.Ordinal).ToList();
        return new StageResult<IReadOnlyList<ArticleExtraction>>(ordered, diagnostics);
    }

    /// <summary>
    /// Processes one article without the memo. Every stage is meant to be linear in its input, and
    /// <paramref name="cancellation"/> is checked in the loops that could still run long (the cleaning rules, sentence
    /// splitting, the date scanner, extraction per block and sentence), as the patterns that could backtrack have a match
    /// time limit (<see cref="PatternLimits"/>): an article that is stopped by either is an error naming it, never a hang.
    /// </summary>
    public static StageResult<ArticleExtraction?> Process(SourceFile file, SiteConfig config, CancellationToken cancellation = default)
    {
        try
        {
            var articleOverride = config.OverrideFor(file.FileName);
            var raw = ArticleLoader.Load(file, config.Limits, cancellation);
            if (raw.Value is null || raw.HasErrors)
            {
                return new StageResult<ArticleExtraction?>(null, raw.Diagnostics);
            }

            var clean = TextCleaner.Clean(raw.Value, config.Cleaning, articleOverride, cancellation);
            var article = MetadataResolver.Resolve(clean.Value, articleOverride, config.Limits);
            if (article.Value is null || article.HasErrors)
            {
                return new StageResult<ArticleExtraction?>(null, [.. raw.Diagnostics, .. clean.Diagnostics, .. article.Diagnostics]);
            }

            var extraction = EventExtractor.Extract(article.Value, config, cancellation);
            return new StageResult<ArticleExtraction?>(extraction.Value,
                [.. raw.Diagnostics, .. clean.Diagnostics, .. article.Diagnostics, .. extraction.Diagnostics]);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return Abandoned(file, $"processing took longer than {config.Limits.MaxSecondsPerArticle} s and was abandoned");
        }
        catch (RegexMatchTimeoutException ex)
        {
            return Abandoned(file, $"processing was abandoned: a text pattern ran longer than {(int)ex.MatchTimeout.TotalMilliseconds} ms on one line");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must still name the article that triggered it, and never print a stack trace at the user.
            return new StageResult<ArticleExtraction?>(null,
            [
                Diagnostic.Error("HS0999", $"internal error while processing this article: {ex.GetType().Name}: {ex.Message}", file.FileName,
                    hint: "please report this with the article attached; --keep-going builds the rest"),
            ]);
        }
    }

    private static StageResult<ArticleExtraction?> Abandoned(SourceFile file, string message) => new(null,
    [
        Diagnostic.Error(AbandonedCode, message, file.FileName,
            hint: "the article is probably pathological (see docs/SECURITY.md); raise limits.max_seconds_per_article if it is genuine"),
    ]);

    private static StageResult<ArticleExtraction?> ProcessCached(
        SourceFile file, SiteConfig config, IArticleCache? cache, string sharedFingerprint, IScriptConverter? converter)
    {
        if (cache is null)
        {
            return WithScriptTexts(ProcessWithTimeLimit(file, config), converter);
        }

        var key = CacheKey(file, config, sharedFingerprint);
        if (cache.TryGet(key, out var cached) && cached is not null)
        {
            return cached.Value is { } hit && converter is not null && !ArticleScripts.HasTextsOf(hit, converter)
                ? WithScriptTexts(cached, converter)
                : cached;
        }

        var result = WithScriptTexts(ProcessWithTimeLimit(file, config), converter);
        if (result.Value is not null && !result.HasErrors)
        {
            cache.Put(key, result);
        }

        return result;
    }

    // Here rather than in the renderer: this stage runs in parallel and is cached, so the conversions are too.
    private static StageResult<ArticleExtraction?> WithScriptTexts(StageResult<ArticleExtraction?> result, IScriptConverter? converter) =>
        converter is null || result.Value is null || result.HasErrors
            ? result
            : result with { Value = ArticleScripts.Convert(result.Value, converter) };

    // limits.max_seconds_per_article: a deadline the scanners check, not a scheduler (0 means none).
    private static StageResult<ArticleExtraction?> ProcessWithTimeLimit(SourceFile file, SiteConfig config)
    {
        var seconds = config.Limits.MaxSecondsPerArticle;
        using var limit = seconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : null;
        return Process(file, config, limit?.Token ?? CancellationToken.None);
    }

    /// <summary>
    /// What one article's processing sees of the configuration: all of it but the other articles' overrides. The article
    /// is processed with exactly this, and the memo's key hashes exactly this, so no setting can change a result without
    /// changing its key (editing any setting other than another article's override processes every article again).
    /// </summary>
    public static SiteConfig ArticleView(SiteConfig config, string fileName) => config with
    {
        Articles = config.OverrideFor(fileName) is { } own
            ? new Dictionary<string, ArticleOverride>(StringComparer.Ordinal) { [fileName] = own }
            : NoOverrides,
    };

    private static readonly Dictionary<string, ArticleOverride> NoOverrides = new(StringComparer.Ordinal);

    /// <summary>The memo key of <paramref name="file"/>: its name and content hash, the engine version and its <see cref="ArticleView"/>.</summary>
    /// <param name="sharedFingerprint">The <see cref="ConfigFingerprint"/> of the build's configuration (and converter), computed once.</param>
    public static string CacheKey(SourceFile file, SiteConfig config, string sharedFingerprint) =>
        CacheKey(file, config, sharedFingerprint, BuildContext.EngineVersion);

    internal static string CacheKey(SourceFile file, SiteConfig config, string sharedFingerprint, string engineVersion) =>
        Fingerprint($"{engineVersion}|{file.FileName}|{file.ContentHash}|{sharedFingerprint}|{Fingerprint(config.OverrideFor(file.FileName))}");

    /// <summary>The part of every article's <see cref="ArticleView"/> that does not depend on the article; computed once per build.</summary>
    public static string ConfigFingerprint(SiteConfig config) => Fingerprint(ArticleView(config, string.Empty));

    private static string Fingerprint(string text) => Fingerprint(Encoding.UTF8.GetBytes(text));

    // As JSON, not as the memo stores its entries: see FingerprintJson.
    private static string Fingerprint(SiteConfig config) => Fingerprint(JsonSerializer.SerializeToUtf8Bytes(config, FingerprintJson.Default.SiteConfig));

    private static string Fingerprint(ArticleOverride? articleOverride) =>
        Fingerprint(JsonSerializer.SerializeToUtf8Bytes(articleOverride, FingerprintJson.Default.ArticleOverride));

    private static string Fingerprint(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
}
