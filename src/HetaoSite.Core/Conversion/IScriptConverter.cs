namespace HetaoSite.Core.Conversion;

/// <summary>Converts Chinese text between Traditional and Simplified script (OpenCC quality).</summary>
public interface IScriptConverter
{
    /// <summary>
    /// Names the conversion this converter performs, so results stored across builds (the article cache keeps each
    /// article's texts converted) are only reused by a converter that would give the same results. Two converters
    /// with the same identity must convert every text identically.
    /// </summary>
    string Identity => GetType().FullName ?? GetType().Name;

    /// <summary>Traditional (or mixed) → Simplified.</summary>
    string ToSimplified(string text);

    /// <summary>Simplified (or mixed) → Traditional (Hong Kong standard).</summary>
    string ToTraditional(string text);

    /// <summary>Each of <paramref name="texts"/> → Simplified, each exactly as <see cref="ToSimplified"/> would convert it.</summary>
    IReadOnlyList<string> ToSimplifiedAll(IReadOnlyList<string> texts) => texts.Select(t => ToSimplified(t)).ToArray();

    /// <summary>Each of <paramref name="texts"/> → Traditional, each exactly as <see cref="ToTraditional"/> would convert it.</summary>
    IReadOnlyList<string> ToTraditionalAll(IReadOnlyList<string> texts) => texts.Select(t => ToTraditional(t)).ToArray();
}
