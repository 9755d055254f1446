namespace HetaoSite.Core.Conversion;

/// <summary>Converts Chinese text between Traditional and Simplified script (OpenCC quality).</summary>
public interface IScriptConverter
{
    /// <summary>Traditional (or mixed) → Simplified.</summary>
    string ToSimplified(string text);

    /// <summary>Simplified (or mixed) → Traditional (Hong Kong standard).</summary>
    string ToTraditional(string text);
}
