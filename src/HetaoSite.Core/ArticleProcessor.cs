using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core;

/// <summary>
/// The per-article part of the pipeline (load → clean → resolve metadata → extract dates), run in parallel over all
/// articles and cached by content. One bad article never stops the others from being processed, so a build reports
/// every problem at once.
/// </summary>
public static class ArticleProcessor
{
    /// <summary>Diagnostic code of "article skipped under --keep-going".</summary>
    public const string SkippedCode = "HS0009";

    public static StageResult<IReadOnlyList<ArticleExtraction>> ProcessAll(IReadOnlyList<SourceFile> files, SiteConfig config, BuildContext context)
    {
        var converter = context.Converter;
        // Entries made with conversions must never serve a build without them, nor one with another converter.
        var sharedFingerprint = converter is null ? ConfigFingerprint(config) : Fingerprint($"{ConfigFingerprint(config)}|{converter.Identity}");
        var results = files
            .AsParallel().AsOrdered()
            .Select(file => ProcessCached(file, config, context.Cache, sharedFingerprint, converter))
            .ToList();

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
        var ordered = unique.OrderBy(e => e.Article.Published).ThenBy(e => e.Article.FileName, StringComparer.Ordinal).ToList();
        return new StageResult<IReadOnlyList<ArticleExtraction>>(ordered, diagnostics);
    }

    /// <summary>Processes one article without the cache.</summary>
    public static StageResult<ArticleExtraction?> Process(SourceFile file, SiteConfig config)
    {
        try
        {
            var articleOverride = config.OverrideFor(file.FileName);
            var raw = ArticleLoader.Load(file, config.Limits);
            if (raw.Value is null || raw.HasErrors)
            {
                return new StageResult<ArticleExtraction?>(null, raw.Diagnostics);
            }

            var clean = TextCleaner.Clean(raw.Value, config.Cleaning, articleOverride);
            var article = MetadataResolver.Resolve(clean.Value, articleOverride, config.Limits);
            if (article.Value is null || article.HasErrors)
            {
                return new StageResult<ArticleExtraction?>(null, [.. raw.Diagnostics, .. clean.Diagnostics, .. article.Diagnostics]);
            }

            var extraction = EventExtractor.Extract(article.Value, config);
            return new StageResult<ArticleExtraction?>(extraction.Value,
                [.. raw.Diagnostics, .. clean.Diagnostics, .. article.Diagnostics, .. extraction.Diagnostics]);
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
            if (cached.Value is { } found)
            {
                // What only its page needs is decoded when the page is rendered; should it not decode, the article is
                // processed again then, as on a miss.
                Writing.CachedArticlePage.WhenDamaged(found, () => ProcessAgain(file, config, converter));
            }

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

    private static ArticleExtraction ProcessAgain(SourceFile file, SiteConfig config, IScriptConverter? converter) =>
        WithScriptTexts(ProcessWithTimeLimit(file, config), converter) is { Value: { } extraction, HasErrors: false }
            ? extraction
            : throw new IOException($"{file.FileName}: its cache entry is damaged and the article could not be processed again (delete .hetao-cache/ and build again)");

    // Here rather than in the renderer: this stage runs in parallel and is cached, so the conversions are too.
    private static StageResult<ArticleExtraction?> WithScriptTexts(StageResult<ArticleExtraction?> result, IScriptConverter? converter) =>
        converter is null || result.Value is null || result.HasErrors
            ? result
            : result with { Value = ArticleScripts.Convert(result.Value, converter) };

    /// <summary>
    /// A watchdog, not a scheduler: every stage is meant to be linear in its input, so an article that takes longer than
    /// limits.max_seconds_per_article has found a bug, and the build names it instead of hanging.
    /// </summary>
    private static StageResult<ArticleExtraction?> ProcessWithTimeLimit(SourceFile file, SiteConfig config)
    {
        var seconds = config.Limits.MaxSecondsPerArticle;
        if (seconds <= 0)
        {
            return Process(file, config);
        }

        var work = Task.Run(() => Process(file, config));
        if (work.Wait(TimeSpan.FromSeconds(seconds)))
        {
            return work.Result;
        }

        return new StageResult<ArticleExtraction?>(null,
        [
            Diagnostic.Error("HS0142", $"processing took longer than {seconds} s and was abandoned", file.FileName,
                hint: "the article is probably pathological (see docs/SECURITY.md); raise limits.max_seconds_per_article if it is genuine"),
        ]);
    }

    /// <summary>Content hash + engine version + the configuration that can change this article's result.</summary>
    public static string CacheKey(SourceFile file, SiteConfig config, string sharedFingerprint) =>
        CacheKey(file, config, sharedFingerprint, BuildContext.EngineVersion);

    internal static string CacheKey(SourceFile file, SiteConfig config, string sharedFingerprint, string engineVersion)
    {
        var articleFingerprint = Fingerprint(config.OverrideFor(file.FileName));
        return Fingerprint($"{engineVersion}|{file.FileName}|{file.ContentHash}|{sharedFingerprint}|{articleFingerprint}");
    }

    /// <summary>
    /// The part of the configuration every article's result depends on (window, cleaning rules, categories, limits);
    /// computed once per build. Per-article overrides are added by <see cref="CacheKey(SourceFile, SiteConfig, string)"/>.
    /// </summary>
    public static string ConfigFingerprint(SiteConfig config) =>
        Fingerprint(new { config.Window, config.Cleaning, config.Categories, config.Limits, config.Zone, Keep = config.Editorial.KeepIds });

    private static string Fingerprint<T>(T value)
    {
        var json = value is string text ? text : JsonSerializer.Serialize(value);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..32].ToLowerInvariant();
    }
}
