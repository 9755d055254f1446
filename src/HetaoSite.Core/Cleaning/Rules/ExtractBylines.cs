using System.Text.RegularExpressions;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 6. Moves bylines and datelines out of the text into <see cref="CleanArticle.Bylines"/>, keeping their line.
/// A block that is only a byline, masthead or date line (a date, a time, a weekday, 來源/作者/編輯 fields, an outlet, a
/// page label) is removed; a byline that opens a paragraph is
/// cut off it, and a <c>題:</c> that follows a dateline turns the rest into a heading.
/// </summary>
/// <example>
/// <c>2024年08月09日09:31 | 來源:新華網</c>, <c>發布時間:2024年01月30日</c>, <c>2021-10-14 22:02:18 來源:香港商報網</c>,
/// <c>香港文匯報 2024年6月12日 星期三 A12版</c>, <c>二〇二四年六月十二日（星期三）</c>, <c>Published: 12 Jun 2024</c> → removed, kept
/// as bylines. <c>深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)12月11日,2025年度…</c> → byline
/// <c>深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)</c>, paragraph <c>12月11日,2025年度…</c>;
/// <c>新華社深圳8月8日電 題:…</c> → byline <c>新華社深圳8月8日電</c>; <c>（大公文匯網記者 毛麗）1月25日，…</c> → byline
/// <c>（大公文匯網記者 毛麗）</c>, paragraph <c>1月25日，…</c>.
/// </example>
public static partial class ExtractBylines
{
    public static CleaningPass Apply(CleaningPass pass)
    {
        var blocks = new List<TextBlock>(pass.Blocks.Count);
        var bylines = pass.Bylines.ToList();
        foreach (var block in pass.Blocks)
        {
            var current = block;
            while (true)
            {
                if (IsBylineBlock(current.Text))
                {
                    bylines.Add(new Byline(current.Text, current.Line));
                    current = current with { Text = string.Empty };
                    break;
                }

                if ((MayOpenWithDateline(current.Text) && Prefix().Match(current.Text) is { Success: true } found ? found : ReporterCredit().Match(current.Text))
                    is not { Success: true } prefix)
                {
                    break;
                }

                bylines.Add(new Byline(prefix.Groups["byline"].Value.Trim(), current.Line));
                var rest = current.Text[prefix.Length..].TrimStart(' ', ':', '：', '，', ',');
                if (TitleMarker().Match(rest) is { Success: true } marker)
                {
                    current = current with { Text = rest[marker.Length..].Trim(), Kind = BlockKind.Heading };
                }
                else
                {
                    current = current with { Text = rest };
                }
            }

            if (current.Text.Length > 0 && !StripBoilerplate.IsBoilerplate(current.Text) && !StripBoilerplate.IsReporterLine(current.Text))
            {
                blocks.Add(current);
            }
        }

        return pass with { Blocks = blocks, Bylines = bylines };
    }

    /// <summary>True when the whole text is a byline, masthead or date line (see <see cref="BylineParser.IsWholeLine"/>).</summary>
    public static bool IsBylineBlock(string text) => BylineParser.IsWholeLine(text);

    // Prefix's 訊/電 comes at most 32 characters in (【, 20 characters, 2024年12月31日); a paragraph without one there
    // cannot open with a dateline, and the pattern is not run on it.
    private const int DatelineMarkWithin = 1 + 20 + 5 + 3 + 3 + 1;

    private static readonly System.Buffers.SearchValues<char> DatelineMarks = System.Buffers.SearchValues.Create("訊讯電电");

    private static bool MayOpenWithDateline(string text) =>
        text.AsSpan(0, Math.Min(text.Length, DatelineMarkWithin)).ContainsAny(DatelineMarks);

    // 深圳新聞網2025年12月12日訊(…), 本報訊(…), 【本報訊】, 香港文匯報訊(…), 新華社深圳8月8日電, 中新網香港12月11日電(記者 X): an
    // outlet and/or a date before 訊/電, optionally in 【】, optionally a bracketed reporter list. 電 must be followed by a
    // break so 8月8日電網… stays text.
    [GeneratedRegex(
        @"^(?<byline>【?(?:[^ ，,。：:（(【]{0,20}?(?:\d{4}年)?\d{1,2}月\d{1,2}日|本[報报網网刊台]|[^ ，,。：:（(【]{1,10}?[報报網网])(?:[訊讯](?![號号息])|[電电](?=[ (（:：】]|$))】?(?: ?[(（][^)）]{1,40}[)）])?)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Prefix();

    // A reporter credit in brackets opening a paragraph: （大公文匯網記者 毛麗）1月25日，…
    [GeneratedRegex(@"^(?<byline>[（(][^（()）]{0,20}(?:記者|记者|通訊員|通讯员)[^（()）]{0,20}[）)])", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterCredit();

    [GeneratedRegex(@"^[題题] ?[:：] ?", RegexOptions.CultureInvariant)]
    private static partial Regex TitleMarker();
}
