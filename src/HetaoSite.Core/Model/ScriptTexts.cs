namespace HetaoSite.Core.Model;

/// <summary>
/// An article's displayed texts converted to each script by the per-article stage, kept in the article cache so a
/// rebuild does not convert them again. <see cref="Simplified"/>[i] and <see cref="Traditional"/>[i] are the converter's
/// results for the i-th text of <see cref="Rendering.DisplayedTexts.Of"/>; null means "the same as the original", which
/// keeps entries small (most texts are already in one of the two scripts).
/// </summary>
/// <param name="Converter">The <see cref="Conversion.IScriptConverter.Identity"/> of the converter that produced them.</param>
public sealed record ScriptTexts(string Converter, IReadOnlyList<string?> Simplified, IReadOnlyList<string?> Traditional);
