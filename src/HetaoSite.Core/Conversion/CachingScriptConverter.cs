using System.Collections.Concurrent;

namespace HetaoSite.Core.Conversion;

/// <summary>
/// Remembers every conversion for the lifetime of one build. The same sentence is shown on its article page, under
/// every event that cites it, in the feeds and in the search index, converted in the rendering of the other script
/// (<see cref="Scripts"/>); converting each distinct text once is most of the renderer's speed. Results are
/// exactly the inner converter's (the cache is keyed by the whole text), so output does not depend on the cache.
/// </summary>
/// <remarks>
/// A build also starts from the conversions the article cache kept from earlier builds (made by a converter of the same
/// <see cref="Identity"/>), handed over as two read-only dictionaries, so a rebuild converts only texts that are new.
/// </remarks>
public sealed class CachingScriptConverter : IScriptConverter
{
    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _knownSimplified;
    private readonly IReadOnlyDictionary<string, string> _knownTraditional;
    private readonly ConcurrentDictionary<string, string> _simplified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _traditional = new(StringComparer.Ordinal);

    public CachingScriptConverter(IScriptConverter inner)
        : this(inner, None, None)
    {
    }

    /// <param name="inner">The converter whose results are remembered.</param>
    /// <param name="knownSimplified">Texts and what <paramref name="inner"/> (or a converter of its identity) made of
    /// them in Simplified script; never changed once given, so read by every thread without a lock. A plain dictionary
    /// holds a million texts in one array, where a concurrent one would make a long-lived object of each.</param>
    /// <param name="knownTraditional">Likewise in Traditional script.</param>
    public CachingScriptConverter(IScriptConverter inner, IReadOnlyDictionary<string, string> knownSimplified, IReadOnlyDictionary<string, string> knownTraditional)
    {
        Inner = inner;
        _knownSimplified = knownSimplified;
        _knownTraditional = knownTraditional;
    }

    public IScriptConverter Inner { get; }

    public string Identity => Inner.Identity;

    /// <summary>Wraps <paramref name="converter"/> unless it already caches (or is null).</summary>
    public static IScriptConverter? Wrap(IScriptConverter? converter) =>
        converter is null or CachingScriptConverter ? converter : new CachingScriptConverter(converter);

    public string ToSimplified(string text) =>
        text.Length == 0 ? text
        : _knownSimplified.TryGetValue(text, out var known) ? known
        : _simplified.GetOrAdd(text, static (t, c) => c.ToSimplified(t), Inner);

    public string ToTraditional(string text) =>
        text.Length == 0 ? text
        : _knownTraditional.TryGetValue(text, out var known) ? known
        : _traditional.GetOrAdd(text, static (t, c) => c.ToTraditional(t), Inner);

    /// <summary>Converts the texts not yet known in one batch of the inner converter (see <see cref="IScriptConverter.ToSimplifiedAll"/>).</summary>
    public IReadOnlyList<string> ToSimplifiedAll(IReadOnlyList<string> texts) => ConvertAll(texts, _knownSimplified, _simplified, Inner.ToSimplifiedAll);

    /// <summary>Converts the texts not yet known in one batch of the inner converter (see <see cref="IScriptConverter.ToTraditionalAll"/>).</summary>
    public IReadOnlyList<string> ToTraditionalAll(IReadOnlyList<string> texts) => ConvertAll(texts, _knownTraditional, _traditional, Inner.ToTraditionalAll);

    private static string[] ConvertAll(IReadOnlyList<string> texts, IReadOnlyDictionary<string, string> given, ConcurrentDictionary<string, string> known,
        Func<IReadOnlyList<string>, IReadOnlyList<string>> convert)
    {
        var results = new string[texts.Count];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Length == 0)
            {
                results[i] = texts[i];
            }
            else if (given.TryGetValue(texts[i], out var found) || known.TryGetValue(texts[i], out found))
            {
                results[i] = found;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var converted = convert(missing.Select(i => texts[i]).ToArray());
            for (var j = 0; j < missing.Count; j++)
            {
                results[missing[j]] = known.GetOrAdd(texts[missing[j]], converted[j]);
            }
        }

        return results;
    }
}
