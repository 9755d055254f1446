using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core;

/// <summary>
/// Converts each article's displayed texts (<see cref="DisplayedTexts"/>) to both scripts in the per-article stage,
/// which runs in parallel and is cached on disk, and hands the stored results to the build's
/// <see cref="CachingScriptConverter"/>, so merging and rendering find them converted and a rebuild converts only what
/// is new. OpenCC is the costliest part of a build; without this a no-change rebuild would convert every text again.
/// </summary>
public static class ArticleScripts
{
    /// <summary>A short name of <paramref name="converter"/>'s <see cref="IScriptConverter.Identity"/>, kept with the texts it converted.</summary>
    public static string Fingerprint(IScriptConverter converter) =>
        System.Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(converter.Identity)))[..16].ToLowerInvariant();

    /// <summary><paramref name="extraction"/> with its displayed texts converted by <paramref name="converter"/> in both directions.</summary>
    public static ArticleExtraction Convert(ArticleExtraction extraction, IScriptConverter converter)
    {
        var texts = DisplayedTexts.Of(extraction);
        var simplified = converter.ToSimplifiedAll(texts);
        var traditional = converter.ToTraditionalAll(texts);
        var scripts = new ScriptTexts(
            Fingerprint(converter),
            texts.Select((t, i) => Changed(t, simplified[i])).ToArray(),
            texts.Select((t, i) => Changed(t, traditional[i])).ToArray());
        return extraction with { ScriptTexts = scripts };
    }

    /// <summary>True when <paramref name="extraction"/> carries texts converted by a converter like <paramref name="converter"/>.</summary>
    public static bool HasTextsOf(ArticleExtraction extraction, IScriptConverter converter) =>
        extraction.ScriptTexts is { } scripts && string.Equals(scripts.Converter, Fingerprint(converter), StringComparison.Ordinal);

    /// <summary>
    /// The build's converter for merging and rendering: <paramref name="inner"/> (unwrapped if it caches) behind a new
    /// cache sized for and filled with the conversions <paramref name="articles"/> carry. Null without a converter.
    /// </summary>
    public static CachingScriptConverter? Seeded(IScriptConverter? inner, IReadOnlyList<ArticleExtraction> articles)
    {
        if (inner is CachingScriptConverter caching)
        {
            inner = caching.Inner;
        }

        if (inner is null)
        {
            return null;
        }

        // A few hundred more for the site's own texts (title, categories, editorial titles).
        var capacity = articles.Sum(a => a.ScriptTexts?.Simplified.Count ?? 0) + 256;
        var converter = new CachingScriptConverter(inner, capacity);
        Remember(converter, articles);
        return converter;
    }

    /// <summary>
    /// Tells <paramref name="converter"/> every stored conversion of <paramref name="articles"/> that a converter of its
    /// identity made. An article whose stored texts no longer line up with its displayed texts (a different engine
    /// would have a different cache key, so this is only a guard) is skipped: its texts are converted when shown.
    /// </summary>
    /// <returns>The number of texts remembered.</returns>
    public static int Remember(CachingScriptConverter converter, IReadOnlyList<ArticleExtraction> articles)
    {
        var fingerprint = Fingerprint(converter);
        return articles.AsParallel().Sum(article =>
        {
            if (article.ScriptTexts is not { } scripts || !string.Equals(scripts.Converter, fingerprint, StringComparison.Ordinal))
            {
                return 0;
            }

            var texts = DisplayedTexts.Of(article);
            if (scripts.Simplified.Count != texts.Count || scripts.Traditional.Count != texts.Count)
            {
                return 0;
            }

            for (var i = 0; i < texts.Count; i++)
            {
                converter.Remember(texts[i], scripts.Simplified[i] ?? texts[i], scripts.Traditional[i] ?? texts[i]);
            }

            return texts.Count;
        });
    }

    // Null for "unchanged": most texts are already in one of the scripts, and the cache entry need not repeat them.
    private static string? Changed(string original, string converted) =>
        string.Equals(original, converted, StringComparison.Ordinal) ? null : converted;
}
