using System.Text.RegularExpressions;
using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// The default answer to "is this event a milestone?", from its headline: a government plan or policy issued, a park or
/// centre opened, or an agreement between governments signed. Each kind needs a word of both of its lists (what and what
/// happened to it). Chinese words are written in Simplified and compared with the headline folded to Simplified
/// (<see cref="ScriptFold"/>), so Traditional headlines match too; English words are compared ignoring case, as whole
/// words. Planned events (not yet happened when reported) are never milestones by default. <c>milestone:</c> under
/// <c>events.corrections</c> in site-config.yml overrides the rule either way.
/// </summary>
public static partial class MilestoneRule
{
    // [0] a plan or policy issued; [1] a park or centre opened.
    private static readonly (string[] What, string[] Happened)[] Chinese =
    [
        // A plan or policy issued.
        (["规划", "方案", "意见", "办法", "政策", "纲要"], ["印发", "发布", "出台", "批复", "颁布", "公布"]),
        // A park or centre opened.
        (["园", "中心", "大楼", "研究院"], ["开园", "启用", "揭牌", "开幕", "落成", "投入使用", "开业"]),
    ];

    // A forum or fair opening in a park is a gathering, not the park opening.
    private static readonly string[] Gatherings = ["论坛", "峰会", "会议", "大会", "活动", "展", "赛"];

    // An agreement between governments signed: a signing, a government party and an agreement.
    private static readonly string[] Signed = ["签署", "签订"];
    private static readonly string[] Governments = ["政府", "国务院", "省", "市", "两地"];
    private static readonly string[] Agreements = ["协议", "备忘录", "安排"];

    // Each English kind holds when the title has a word of each of its lists anywhere (in any order): one search per
    // list, each a plain scan for whole words rather than lookaheads retried from every position of the title.
    private static bool EnglishPlanIssued(string title) => PlanWords().IsMatch(title) && IssuedWords().IsMatch(title);

    private static bool EnglishParkOpened(string title) => ParkWords().IsMatch(title) && OpenedWords().IsMatch(title);

    private static bool EnglishAgreement(string title) =>
        SignedWords().IsMatch(title) && GovernmentWords().IsMatch(title) && AgreementWords().IsMatch(title);

    /// <example>"《河套深港科技創新合作區深圳園區發展規劃》發布" → true; "河套科創中心也正式開園" → true; "發布6項揭榜選題" → false.</example>
    public static bool Matches(string title, bool planned)
    {
        if (planned)
        {
            return false;
        }

        var folded = ScriptFold.Fold(title);
        return (ContainsAny(folded, Chinese[0].What) && ContainsAny(folded, Chinese[0].Happened))
            || (ContainsAny(folded, Chinese[1].What) && ContainsAny(folded, Chinese[1].Happened) && !ContainsAny(folded, Gatherings))
            || (ContainsAny(folded, Signed) && ContainsAny(folded, Governments) && ContainsAny(folded, Agreements))
            || EnglishPlanIssued(title)
            || EnglishParkOpened(title)
            || EnglishAgreement(title);
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private const RegexOptions WordOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:plan|policy|policies|blueprint|outline|guidelines?|measures)\b", WordOptions)]
    private static partial Regex PlanWords();

    [GeneratedRegex(@"\b(?:issued|released|published|unveiled|promulgated|announced|approved)\b", WordOptions)]
    private static partial Regex IssuedWords();

    [GeneratedRegex(@"\b(?:park|centre|center|campus|building|institute)\b", WordOptions)]
    private static partial Regex ParkWords();

    [GeneratedRegex(@"\b(?:opened|opens|inaugurated|commissioned|unveiled|launched)\b", WordOptions)]
    private static partial Regex OpenedWords();

    [GeneratedRegex(@"\b(?:signed|signs|signing)\b", WordOptions)]
    private static partial Regex SignedWords();

    [GeneratedRegex(@"\b(?:governments?|state council|province|city|two sides)\b", WordOptions)]
    private static partial Regex GovernmentWords();

    [GeneratedRegex(@"\b(?:agreements?|memorandum|arrangements?)\b", WordOptions)]
    private static partial Regex AgreementWords();
}
