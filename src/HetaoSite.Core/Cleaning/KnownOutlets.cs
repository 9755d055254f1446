using System.Collections.Frozen;

namespace HetaoSite.Core.Cleaning;

/// <summary>
/// News outlets that report on the zone, in both scripts. Used to recognise outlet-only lines, photo credits and
/// the outlet in reporter lines (<c>大公報記者胡永愛</c> → 大公報).
/// </summary>
public static class KnownOutlets
{
    private static readonly string[] Names =
    [
        "新華社", "新华社", "新華網", "新华网", "人民網", "人民网", "人民日報", "人民日报", "中新社", "中新網", "中新网", "中國新聞網", "中国新闻网",
        "央視新聞", "央视新闻", "央視網", "央视网", "大公報", "大公报", "大公網", "大公网", "大公文匯", "大公文汇", "文匯報", "文汇报", "香港商報",
        "香港商报", "香港商報網", "香港商报网", "明報", "明报", "星島日報", "星岛日报", "東方日報", "东方日报", "信報", "信报", "香港01",
        "南方日報", "南方日报", "南方都市報", "南方都市报", "南方+", "羊城晚報", "羊城晚报", "深圳特區報", "深圳特区报", "深圳商報", "深圳商报",
        "深圳晚報", "深圳晚报", "深圳新聞網", "深圳新闻网", "讀創", "读创", "晶報", "晶报", "證券時報", "证券时报", "證券時報網", "证券时报网",
        "21世紀經濟報道", "21世纪经济报道", "第一財經", "第一财经", "經濟日報", "经济日报", "光明日報", "光明日报", "中國日報", "中国日报",
        "科技日報", "科技日报", "新京報", "新京报", "澎湃新聞", "澎湃新闻", "界面新聞", "界面新闻", "香港經濟日報", "香港经济日报", "經濟導報",
        "经济导报", "紫荊", "紫荆", "香港電台", "香港电台", "無綫新聞", "无线新闻", "星島頭條", "星岛头条",
    ];

    // An outlet's name, or its edition's: 大公報電子版, 南方日报客户端.
    private static readonly string[] OutletEndings =
        ["網", "网", "報", "报", "社", "台", "新聞", "新闻", "週刊", "周刊", "雜誌", "杂志", "財經", "财经", "電子版", "电子版", "客戶端", "客户端", "頭條", "头条"];

    /// <summary>All names, longest first (so 證券時報網 wins over 證券時報).</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];

    private static readonly FrozenSet<string> AllSet = All.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string text) => AllSet.Contains(text.Trim());

    /// <summary>The known outlet <paramref name="text"/> starts with, if any.</summary>
    public static string? PrefixOf(string text) => All.FirstOrDefault(name => text.StartsWith(name, StringComparison.Ordinal));

    /// <summary>True for a known outlet or a short name that reads like one (ends in 網, 報, 社, 台, 新聞…).</summary>
    public static bool LooksLikeOutlet(string text)
    {
        var name = text.Trim();
        return IsKnown(name) || (name.Length is >= 2 and <= 12 && OutletEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal))
            && !ChineseText.HasSentencePunctuation(name) && !name.Contains(' ', StringComparison.Ordinal));
    }
}
