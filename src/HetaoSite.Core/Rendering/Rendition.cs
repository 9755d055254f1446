using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// One rendering of the whole site in one script: the default script at the site root, the other script under its
/// own prefix (<c>zh-hans/</c> or <c>zh-hant/</c>). Every text shown goes through <see cref="Text"/>, with the script it
/// is written in: shown as written in the rendering of that script, converted once in the other (<see cref="Scripts"/>).
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

    /// <summary><paramref name="text"/>, written in <paramref name="written"/>, as this rendering shows it: as written, or converted.</summary>
    public string Text(string text, Script written) => Converts(written) && text.Length > 0 ? Scripts.Convert(Converter!, text, Script) : text;

    /// <summary>A text the maintainers wrote in site-config.yml (site title, description, event title), in the script its characters show.</summary>
    public string Authored(string text) => Converter is null || text.Length == 0 ? text : Text(text, Scripts.Of(text));

    /// <summary>True when this rendering shows texts written in <paramref name="written"/> converted, not as written.</summary>
    public bool Converts(Script written) => Converter is not null && Scripts.Converts(written, Script);

    /// <summary>An event's title as this rendering shows it: in the script of the article it was made from, or as a maintainer's text.</summary>
    public string Title(TimelineEvent e) => e.TitleScript is { } written ? Text(e.Title, written) : Authored(e.Title);

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
