using System.Collections.Concurrent;

namespace HetaoSite.Core.Conversion;

/// <summary>
/// Remembers every conversion for the lifetime of one build. The same sentence is shown on its article page, under
/// every event that cites it, in the feeds and in the search index, in both scripts; OpenCC converts about two million
/// characters a second, so converting each distinct text once per direction is most of the renderer's speed. Results are
/// exactly the inner converter's (the cache is keyed by the whole text), so output does not depend on the cache.
/// </summary>
public sealed class CachingScriptConverter(IScriptConverter inner) : IScriptConverter
{
    private readonly ConcurrentDictionary<string, string> _simplified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _traditional = new(StringComparer.Ordinal);

    public IScriptConverter Inner { get; } = inner;

    /// <summary>Wraps <paramref name="converter"/> unless it already caches (or is null).</summary>
    public static IScriptConverter? Wrap(IScriptConverter? converter) =>
        converter is null or CachingScriptConverter ? converter : new CachingScriptConverter(converter);

    public string ToSimplified(string text) =>
        text.Length == 0 ? text : _simplified.GetOrAdd(text, static (t, c) => c.ToSimplified(t), Inner);

    public string ToTraditional(string text) =>
        text.Length == 0 ? text : _traditional.GetOrAdd(text, static (t, c) => c.ToTraditional(t), Inner);
}
