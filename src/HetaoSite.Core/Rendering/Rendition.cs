using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// One rendering of the whole site in one script: the default script at the site root, the other script under its
/// own prefix (<c>zh-hans/</c> or <c>zh-hant/</c>). Every text shown goes through <see cref="Text"/>.
/// </summary>
/// <param name="Script">The script this rendering shows (Hant or Hans).</param>
/// <param name="DefaultScript">The script rendered at the root.</param>
/// <param name="Converter">OpenCC, or null: then text is shown as written and only the default script is rendered.</param>
public sealed record Rendition(Script Script, Script DefaultScript, IScriptConverter? Converter)
{
    public bool IsDefault => Script == DefaultScript;

    /// <summary>True when the other script is rendered too (a converter is present).</summary>
    public bool HasAlternate => Converter is not null;

    public Script OtherScript => Script == Script.Hans ? Script.Hant : Script.Hans;

    /// <summary>"zh-Hant" or "zh-Hans": the <c>lang</c> attribute and the script name templates pass to <c>url</c>.</summary>
    public string Lang => LangOf(Script);

    /// <summary>"" at the root, "zh-hans/" or "zh-hant/" for the other script.</summary>
    public string Prefix => PrefixOf(Script, DefaultScript);

    public string Text(string text) => Converter is null || text.Length == 0
        ? text
        : Script == Script.Hans ? Converter.ToSimplified(text) : Converter.ToTraditional(text);

    public static string LangOf(Script script) => script == Script.Hans ? "zh-Hans" : "zh-Hant";

    public static string PrefixOf(Script script, Script defaultScript) =>
        script == defaultScript ? string.Empty : script == Script.Hans ? "zh-hans/" : "zh-hant/";

    /// <summary>The renderings of a site: the default script, then the other one when a converter is given.</summary>
    public static IReadOnlyList<Rendition> For(Script configured, IScriptConverter? converter)
    {
        var main = configured == Script.Hans ? Script.Hans : Script.Hant;
        var first = new Rendition(main, main, converter);
        return converter is null ? [first] : [first, new Rendition(first.OtherScript, main, converter)];
    }
}
