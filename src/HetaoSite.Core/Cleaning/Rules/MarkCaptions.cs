using System.Text.RegularExpressions;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 8. Marks photo captions as <see cref="BlockKind.Caption"/> (kept and shown, never a source of events):
/// <list type="bullet">
/// <item>lines beginning 圖為/图为 or 圖：/图：;</item>
/// <item>lines of at most 150 characters ending with 攝/摄 (<c>…新華社記者 梁旭 攝</c>, <c>…大公報記者胡永愛攝</c>);</item>
/// <item>lines holding a dated photo note <c>(…2023年8月23日攝)</c>, or (資料圖片)/(受訪者供圖);</item>
/// <item>one short sentence followed by a photo agency (<c>…工作。 中新社</c>, <c>…建設現場。 新華社</c>);</item>
/// <item>the extra patterns of <c>cleaning.captions</c> in site-config.yml (each must match a whole block);</item>
/// <item>a second caption line: one short sentence (≤ 40 characters) right after a caption and followed by two or
/// more blank lines (seed 004: <c>深港青年參觀位於河套地區的粵港澳青年創新創業工場。</c> under a 新華社 photo credit);</item>
/// <item>isolated photo labels (seed 002: <c>深港國際科技園</c>): after the first real paragraph, a line of at most 30
/// characters without sentence punctuation, with two or more blank lines before it, and either two or more blank
/// lines after it or directly following another such label and directly followed by a long paragraph (a run of
/// labels ends at the text it illustrates). Blank lines are the gaps between the source lines of the blocks.</item>
/// </list>
/// Runs after the blocks are final (boilerplate, bylines and duplicates gone) so cleaning twice marks the same blocks.
/// </summary>
public static partial class MarkCaptions
{
    private const int LabelMaxLength = 30;
    private const int BodyParagraphLength = 60;

    public static CleaningPass Apply(CleaningPass pass)
    {
        var blocks = pass.Blocks.ToList();
        var bodyStarted = false;
        var previousWasLabel = false;
        var captions = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var gapBefore = i == 0 ? block.Line : block.Line - blocks[i - 1].Line;
            var gapAfter = i + 1 < blocks.Count ? blocks[i + 1].Line - block.Line : int.MaxValue;
            var isLabel = bodyStarted && IsLabelCandidate(block.Text) && gapBefore >= 3
                && (gapAfter >= 3 || (previousWasLabel && i + 1 < blocks.Count && blocks[i + 1].Text.Length > BodyParagraphLength));
            var secondLine = i > 0 && blocks[i - 1].Kind == BlockKind.Caption && gapBefore <= 2 && gapAfter >= 3 && IsShortSentence(block.Text);
            if (block.Kind == BlockKind.Caption || isLabel || secondLine || IsCaption(block.Text) || StripBoilerplate.MatchesAny(block.Text, pass.Options.Captions))
            {
                if (block.Kind != BlockKind.Caption)
                {
                    blocks[i] = block with { Kind = BlockKind.Caption };
                }

                captions++;
            }
            else if (block.Text.Length > BodyParagraphLength)
            {
                bodyStarted = true;
            }

            previousWasLabel = isLabel;
        }

        return pass with { Blocks = blocks, Stats = pass.Stats with { Captions = captions } };
    }

    /// <summary>True when the text itself says it is a photo caption (without looking at its neighbours).</summary>
    public static bool IsCaption(string text) =>
        CaptionStart().IsMatch(text)
        || (text.Length <= 150 && PhotoCredit().IsMatch(text))
        || (text.Length <= 200 && PhotoNote().IsMatch(text))
        || (text.Length <= AgencyCreditMaxLength && AgencyCredit().IsMatch(text));

    private static bool IsShortSentence(string text) =>
        text.Length <= 40 && text.EndsWith('。') && text.IndexOf('。', StringComparison.Ordinal) == text.Length - 1;

    private static bool IsLabelCandidate(string text) =>
        text.Length <= LabelMaxLength && !ChineseText.HasSentencePunctuation(text) && !text.Contains('。', StringComparison.Ordinal)
        && text.Any(ChineseText.IsHan);

    [GeneratedRegex(@"^(?:圖為|图为|[圖图] ?[：:／/])", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionStart();

    [GeneratedRegex(@"[攝摄](?:影)?[)）]?[。.]?$", RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"[(（][^)）]*\d{1,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?[攝摄][)）]|[(（](?:資料圖片|资料图片|資料圖|资料图|受訪者供圖|受访者供图|網絡圖片|网络图片)[)）]",
        RegexOptions.CultureInvariant)]
    private static partial Regex PhotoNote();

    // The longest text AgencyCredit matches: 80 characters, a full stop, a space, the longest agency (受訪者供圖) and the
    // line break $ allows. Longer paragraphs are not tried: the pattern would backtrack through 80 characters to fail.
    private const int AgencyCreditMaxLength = 80 + 1 + 1 + 5 + 1;

    [GeneratedRegex(@"^[^。！？]{4,80}[。！]? ?(?:中新社|新華社|新华社|中新網|中新网|視覺中國|视觉中国|受訪者供圖|受访者供图|資料圖片|资料图片|東方IC|东方IC|路透社|美聯社|美联社|法新社)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex AgencyCredit();
}
