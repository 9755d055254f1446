using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core;

/// <summary>
/// Converts each article's displayed texts (<see cref="DisplayedTexts"/>) in the per-article stage, which runs in
/// parallel and is cached on disk, and hands the stored results to the build's <see cref="CachingScriptConverter"/>, so
/// merging and rendering find them converted and a rebuild converts only what is new. Each article is converted in one
/// direction only, into the script it is not written in (<see cref="Scripts.Into"/>): in its own script it is shown
/// as written, so the other direction is never needed.
/// </summary>
public static class ArticleScripts
{
    /// <summary>A short name of <paramref name="converter"/>'s <see cref="IScriptConverter.Identity"/>, kept with the texts it converted.</summary>
    public static string Fingerprint(IScriptConverter converter)
    {
        // Asked for every article and every article page, always of the build's one converter: the last answer is kept.
        var identity = converter.Identity;
        if (_lastFingerprint is { } last && string.Equals(last.Identity, identity, StringComparison.Ordinal))
        {
            return last.Fingerprint;
        }

        var fingerprint = System.Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16].ToLowerInvariant();
        _lastFingerprint = new IdentityFingerprint(identity, fingerprint);
        return fingerprint;
    }

    private static IdentityFingerprint? _lastFingerprint;

    private sealed record IdentityFingerprint(string Identity, string Fingerprint);

    /// <summary><paramref name="extraction"/> with its displayed texts converted by <paramref name="converter"/> into the other script (none for a Latin article).</summary>
    public static ArticleExtraction Convert(ArticleExtraction extraction, IScriptConverter converter)
    {
        if (Scripts.Into(extraction.Article.Script) is not { } into)
        {
            return extraction with { ScriptTexts = new ScriptTexts(Fingerprint(converter), []) };
        }

        var texts = DisplayedTexts.Of(extraction);
        var converted = Scripts.ConvertAll(converter, texts, into);
        return extraction with { ScriptTexts = new ScriptTexts(Fingerprint(converter), texts.Select((t, i) => Changed(t, converted[i])).ToArray()) };
    }

    /// <summary>True when <paramref name="extraction"/> carries texts converted by a converter like <paramref name="converter"/>.</summary>
    public static bool HasTextsOf(ArticleExtraction extraction, IScriptConverter converter) =>
        extraction.ScriptTexts is { } scripts && string.Equals(scripts.Converter, Fingerprint(converter), StringComparison.Ordinal);

    /// <summary>
    /// The build's converter for merging and rendering: <paramref name="inner"/> (unwrapped if it caches) behind a new
    /// cache that starts from the conversions <paramref name="articles"/> carry (<see cref="Known"/>). Null without a converter.
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

        var (simplified, traditional) = Known(Fingerprint(inner), articles);
        return new CachingScriptConverter(inner, simplified, traditional);
    }

    /// <summary>
    /// Every stored conversion of the <see cref="DisplayedTexts.Head"/> texts of <paramref name="articles"/> (what is
    /// shown beyond their own pages) made by a converter whose fingerprint is <paramref name="converter"/>: those of
    /// Traditional articles into Simplified, those of Simplified articles into Traditional; a text stored twice keeps its
    /// first result. The rest of an article's texts are looked up only by its own page (<see cref="PageConversions"/>).
    /// An article whose stored texts do not line up (a different engine would have a
    /// different cache key, so this is only a guard) is left out: its texts are converted when shown.
    /// </summary>
    public static (Dictionary<string, string> Simplified, Dictionary<string, string> Traditional) Known(string converter, IReadOnlyList<ArticleExtraction> articles)
    {
        var texts = articles.AsParallel().AsOrdered().Select(article =>
            StoredBy(article, converter) is { } scripts && Scripts.Into(article.Article.Script) is { } into
            && DisplayedTexts.Head(article) is var displayed && scripts.Converted.Count >= displayed.Count
                ? (displayed, scripts, into)
                : (displayed: (IReadOnlyList<string>)[], scripts: null, into: Script.Latin)).ToList();

        // One direction per thread, each filling its own plain dictionary in article order.
        Dictionary<string, string> Direction(Script into)
        {
            var known = new Dictionary<string, string>(texts.Where(t => t.into == into).Sum(t => t.displayed.Count), StringComparer.Ordinal);
            foreach (var (displayed, scripts, _) in texts.Where(t => t.into == into))
            {
                for (var i = 0; i < displayed.Count; i++)
                {
                    known.TryAdd(displayed[i], scripts!.Converted[i] ?? displayed[i]);
                }
            }

            return known;
        }

        var simplified = Task.Run(() => Direction(Script.Hans));
        var traditional = Direction(Script.Hant);
        return (simplified.GetAwaiter().GetResult(), traditional);
    }

    /// <summary>
    /// The stored conversions of all of <paramref name="article"/>'s displayed texts, each text to what it reads in the
    /// other script, for its page in that script: they are shown on that page only, so they are looked up there rather
    /// than added to the build's converter, which every thread shares. Null when the article carries no texts converted
    /// by a converter like <paramref name="converter"/> (or none that line up): its page then asks the converter.
    /// </summary>
    public static Dictionary<string, string>? PageConversions(ArticleExtraction article, IScriptConverter converter)
    {
        if (StoredBy(article, Fingerprint(converter)) is not { } scripts || Scripts.Into(article.Article.Script) is null)
        {
            return null;
        }

        var texts = DisplayedTexts.Of(article);
        if (scripts.Converted.Count != texts.Count)
        {
            return null;
        }

        var conversions = new Dictionary<string, string>(texts.Count, StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            conversions.TryAdd(texts[i], scripts.Converted[i] ?? texts[i]);
        }

        return conversions;
    }

    private static ScriptTexts? StoredBy(ArticleExtraction article, string converter) =>
        article.ScriptTexts is { } scripts && string.Equals(scripts.Converter, converter, StringComparison.Ordinal) ? scripts : null;

    // Null for "unchanged": many texts read the same in both scripts, and the cache entry need not repeat them.
    private static string? Changed(string original, string converted) =>
        string.Equals(original, converted, StringComparison.Ordinal) ? null : converted;
}
