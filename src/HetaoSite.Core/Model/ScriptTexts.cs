using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>
/// An article's displayed texts converted to the other script by the per-article stage, kept in the article cache so a
/// rebuild does not convert them again. An article is converted in one direction only, away from the script it is
/// written in (<see cref="Conversion.Scripts.Into"/>: Traditional → Simplified, Simplified → Traditional; Latin articles
/// are not converted and have no texts here); in its own script it is shown as written.
/// <see cref="Converted"/>[i] is the converter's result for the i-th text of <see cref="Rendering.DisplayedTexts.Of"/>;
/// null means "the same as the original", which keeps entries small.
/// </summary>
/// <param name="Converter">A short name of the <see cref="Conversion.IScriptConverter.Identity"/> that produced them.</param>
[MemoryPackable]
public sealed partial record ScriptTexts(string Converter, IReadOnlyList<string?> Converted);
