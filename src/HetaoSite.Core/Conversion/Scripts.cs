using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Conversion;

/// <summary>
/// Which way a text is converted. A text is shown as written in the rendering of the script it is written in, and
/// converted once, towards the rendering's script, in the other: Traditional to Simplified (OpenCC t2s), Simplified to
/// Traditional with Hong Kong forms (s2hk). A text is never converted into the script it is already written in, so a
/// quotation is never altered on the pages of its own script.
/// </summary>
/// <remarks>
/// An article's script is decided once for all of its texts by <see cref="DetectScript"/> (the majority of the
/// characters that exist in one script only); a text written by the maintainers in site-config.yml (the site's title,
/// an event title in a correction) is judged by its own characters (<see cref="Of"/>). Latin (English) texts are shown
/// as written in both renderings.
/// </remarks>
public static class Scripts
{
    /// <summary>The script a text written in <paramref name="written"/> is converted into; null for Latin, which is not converted.</summary>
    public static Script? Into(Script written) => written switch
    {
        Script.Hant => Script.Hans,
        Script.Hans => Script.Hant,
        _ => null,
    };

    /// <summary>True when a text written in <paramref name="written"/> is converted to be shown in <paramref name="shown"/>.</summary>
    public static bool Converts(Script written, Script shown) => Into(written) == shown;

    /// <summary>The script of a maintainer's text: Traditional, Simplified or Latin by its characters (Traditional on a tie).</summary>
    public static Script Of(string text) => DetectScript.Detect([text]).Script;

    /// <summary><paramref name="text"/> converted into <paramref name="into"/> (Hans: t2s; Hant: s2hk).</summary>
    public static string Convert(IScriptConverter converter, string text, Script into) =>
        into == Script.Hans ? converter.ToSimplified(text) : converter.ToTraditional(text);

    /// <summary>Each of <paramref name="texts"/> converted into <paramref name="into"/>, in one batch.</summary>
    public static IReadOnlyList<string> ConvertAll(IScriptConverter converter, IReadOnlyList<string> texts, Script into) =>
        into == Script.Hans ? converter.ToSimplifiedAll(texts) : converter.ToTraditionalAll(texts);
}
