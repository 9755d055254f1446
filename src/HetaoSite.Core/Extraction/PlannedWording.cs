using System.Buffers;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Recognises statements of plans rather than of things that happened. Bare 將/将 is not enough — it is also the
/// object marker ("2017年將總部遷入福田" happened) — so only unambiguous future wording counts.
/// </summary>
public static class PlannedWording
{
    private static readonly string[] Markers =
    [
        "預計", "预计", "計劃", "计划", "擬於", "拟于", "擬在", "拟在", "擬建", "拟建", "將於", "将于", "將在", "将在", "將會", "将会", "即將", "即将", "有望", "力爭", "力争",
        "規劃建設", "规划建设", "將建", "将建", "將建成", "将建成", "爭取", "争取", "目標是", "目标是",
        "will hold", "will be held", "to be held", "is scheduled to", "are scheduled to", "is due to", "are due to",
    ];

    /// <summary>True when <paramref name="text"/> (a clause or sentence) speaks of a plan: 預計, 計劃, 將於, 力爭, 到2025年建成…</summary>
    public static bool IsPlanned(string text) =>
        !IsAnnouncement(text) && (text.AsSpan().ContainsAny(AnyMarker) || HasTargetYear(text));

    private static readonly SearchValues<string> AnyMarker = SearchValues.Create(Markers, StringComparison.Ordinal);

    // "蘋果公司宣布預計投入…": the announcement is what happened; the plan is its content.
    private static readonly string[] Announcements = ["宣布", "宣佈", "公布", "公佈", "簽署", "签署", "發布了", "发布了"];

    private static readonly SearchValues<string> AnyAnnouncement = SearchValues.Create(Announcements, StringComparison.Ordinal);

    private static bool IsAnnouncement(string text) => text.AsSpan().ContainsAny(AnyAnnouncement);

    // "到2025年" / "至2025年建成": a target year is a plan.
    private static bool HasTargetYear(string text)
    {
        for (var i = text.IndexOf('到', StringComparison.Ordinal); i >= 0; i = text.IndexOf('到', i + 1))
        {
            var j = i + 1;
            var digits = 0;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
                digits++;
            }

            if (digits == 4 && j < text.Length && text[j] == '年' && i > 0 && !char.IsAsciiDigit(text[i - 1]) && text[i - 1] != '月')
            {
                return true;
            }
        }

        return false;
    }
}
