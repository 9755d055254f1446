using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 5. Drops whole blocks of page furniture: 返回頂部, 分享讓更多人看到, 小字號/大字號, (責編：…), share widgets (分享到,
/// 微信, 微博), empty image markers, link farms (≥5 short names between <c>|</c>: <c>安国市| 大城县| 高邑县|…</c>), site
/// crumbs (<c>人民網&gt;&gt;港澳</c>) and outlet-only lines (<c>人民網</c>), plus the extra patterns of
/// <c>cleaning.boilerplate</c> in site-config.yml (each must match a whole block). Reporter-only lines (<c>新華社記者趙瑞希</c>,
/// <c>大公報記者胡永愛報道</c>, <c>文羊城晚报记者 林园 图羊城晚报记者 王磊 策划 李时平 李天军</c>), <c>來源：…</c>-only lines and a
/// reporter credit ending a paragraph (<c>…朱偉表示。 大公報記者胡永愛</c>) leave the text too but are kept as bylines,
/// since they name the outlet. A related-news list — a heading (相關新聞, 延伸閱讀, Related news) and the bullet lines
/// under it (<c>· 2024年11月20日 …</c>) — links to other pages, so its dates are not this article's events. Every
/// removal is counted.
/// </summary>
public static partial class StripBoilerplate
{
    private static readonly ConcurrentDictionary<string, Regex?> Custom = new(StringComparer.Ordinal);

    public static CleaningPass Apply(CleaningPass pass)
    {
        var blocks = new List<TextBlock>(pass.Blocks.Count);
        var bylines = pass.Bylines.ToList();
        var removed = 0;
        var inRelatedList = false;
        foreach (var block in pass.Blocks)
        {
            inRelatedList = RelatedHeading().IsMatch(block.Text) || (inRelatedList && IsBulletLine(block));
            if (inRelatedList || IsBoilerplate(block.Text) || MatchesAny(block.Text, pass.Options.Boilerplate))
            {
                removed++;
            }
            else if (IsReporterLine(block.Text) || SourceLine().IsMatch(block.Text))
            {
                removed++;
                bylines.Add(new Byline(block.Text, block.Line));
            }
            else if (TrailingCreditIn(block.Text) is { Success: true } credit)
            {
                removed++;
                bylines.Add(new Byline(credit.Value.Trim(), block.Line));
                blocks.Add(block with { Text = block.Text[..credit.Index].TrimEnd() });
            }
            else
            {
                blocks.Add(block);
            }
        }

        return pass with
        {
            Blocks = blocks,
            Bylines = bylines,
            Stats = pass.Stats with { BoilerplateRemoved = pass.Stats.BoilerplateRemoved + removed },
        };
    }

    /// <summary>True when the whole block is built-in page furniture (not a byline).</summary>
    public static bool IsBoilerplate(string text) =>
        text.Length <= 400 && (Furniture().IsMatch(text) || KnownOutlets.IsKnown(text) || IsLinkFarm(text));

    /// <summary>True for a line that only credits reporters, photographers or editors.</summary>
    public static bool IsReporterLine(string text) => text.Length <= 60 && ReporterLine().IsMatch(text);

    private static bool IsBulletLine(TextBlock block) => block.Kind == BlockKind.ListItem || BulletLine().IsMatch(block.Text);

    /// <summary>True for a run of at least five short names separated by <c>|</c> (a link farm).</summary>
    public static bool IsLinkFarm(string text)
    {
        // Five parts need at least four separators; most blocks have none, and splitting them would only allocate.
        if (text.AsSpan().IndexOfAny('|', '｜') < 0 || text.AsSpan().Count('|') + text.AsSpan().Count('｜') < 4)
        {
            return false;
        }

        var parts = text.Split('|', '｜').Select(p => p.Trim()).ToList();
        if (parts.Count > 0 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.Count >= 5
            && parts.Count(p => p.Length is >= 1 and <= 8 && !ChineseText.HasSentencePunctuation(p)) >= parts.Count * 0.8;
    }

    internal static bool MatchesAny(string text, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var regex = Custom.GetOrAdd(pattern, static p =>
            {
                try
                {
                    return new Regex($"^(?:{p})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
                }
                catch (ArgumentException)
                {
                    return null; // the config parser already reported it
                }
            });
            try
            {
                if (regex?.IsMatch(text) == true)
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological user pattern must not stall the build; it simply does not match.
            }
        }

        return false;
    }

    // Every match of TrailingCredit holds 記者/记者/通訊員/通讯员/實習生/实习生 (see Reporter), so one of these characters:
    // a block without any cannot end in a credit, and the regex is not run on it.
    private static readonly SearchValues<char> ReporterWords = SearchValues.Create("者員员習习");

    // The sentence ends TrailingCredit's lookbehind accepts. None of them can be inside a credit (Han characters,
    // spaces and name separators), so a credit starts right after the last of them in the block.
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？」”』");

    /// <summary>
    /// TrailingCredit's match in <paramref name="text"/>, searched only from the last sentence end on: the same match
    /// as searching the whole block (no earlier start can reach the end of the block), without trying every position of
    /// the paragraph before it.
    /// </summary>
    private static Match? TrailingCreditIn(string text)
    {
        var lastEnd = text.AsSpan().LastIndexOfAny(SentenceEnds);
        return lastEnd >= 0 && text.AsSpan(lastEnd + 1).ContainsAny(ReporterWords) ? TrailingCredit().Match(text, lastEnd + 1) : null;
    }

    private const string Reporter = @"[" + ChineseText.HanClass + @"]{0,10}?(?:特約記者|特约记者|記者|记者|通訊員|通讯员|實習生|实习生)";
    private const string Names = @"[" + ChineseText.HanClass + @"·]{2,4}(?:[ 、,，]+[" + ChineseText.HanClass + @"·]{2,4})*";
    private const string Role = @"(?:文|圖|图|攝影|摄影|策劃|策划|統籌|统筹|編輯|编辑|責編|责编|製圖|制图|視頻|视频|設計|设计|校對|校对)";
    private const string Unit = @"(?:" + Role + @"(?:[：:] ?| )" + Names + @"|" + Role + @"?[：:]? ?" + Reporter + @" ?" + Names
        + @"(?:報道|报道|整理|發自[" + ChineseText.HanClass + @"]{2,6}|发自[" + ChineseText.HanClass + @"]{2,6})?)";

    [GeneratedRegex(@"^[（(]?" + Unit + @"(?: " + Unit + @")*[）)]?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ReporterLine();

    // "…朱偉表示。 大公報記者胡永愛" — but not a photo credit ending in 攝, which makes the block a caption.
    [GeneratedRegex(@"(?<=[。！？」”』])\s*" + Reporter + @" ?" + Names + @"(?:報道|报道)?(?<![攝摄])$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TrailingCredit();

    // The heading of a list of links to other reports: 相關新聞：, 相关阅读, 延伸閱讀, Related news, Related stories.
    [GeneratedRegex(@"^[【\[]?(?:相[關关](?:新[聞闻]|[閱阅][讀读]|[報报]道|文章)|延伸[閱阅][讀读]|推薦[閱阅][讀读]|推荐阅读|(?i:related(?:\s+(?:news|stories|articles|links))?))[】\]]?\s*[：:]?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex RelatedHeading();

    [GeneratedRegex(@"^[·•・‧▪◆■●\-–—*]\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex BulletLine();

    [GeneratedRegex(@"^(?:[來来]源|稿源|出[處处])[：:] ?[^ |｜]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    [GeneratedRegex(
        @"^(?:返回[頂顶]部|回到[頂顶]部|分享[讓让]更多人看到|(?:[小中大]字[號号][ |｜]*)+|[打列]印|【[打列]印】|【[關关]閉】|[關关]閉窗口"
        + @"|[（(][責责]任?[編编][輯辑]?[：:][^）)]*[）)]|(?:[責责]任[編编][輯辑]|[編编][輯辑])[：:] ?[^ ]{1,12}"
        + @"|(?:分享到|分享至).{0,40}|(?:(?:微信|微博|朋友圈|QQ空[間间]|QQ|豆瓣|Facebook|Twitter|LinkedIn|WhatsApp|新浪微博|[騰腾][訊讯]微博|[掃扫]一[掃扫]|[掃扫]描二[維维]碼|二[維维][碼码])[ |｜,，、/:：]*)+"
        + @"|\[(?:圖片|图片|image|img|圖|图|視頻|视频)\]|!\[[^\]]*\]\([^)]*\)|圖片|图片|image|img"
        + @"|(?:上一[篇頁页]|下一[篇頁页])[：:].{0,60}"
        + @"|[^ >]{2,12}(?: ?(?:>>|»|›|＞＞) ?[^ >]{1,12})+)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: PatternLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Furniture();
}
