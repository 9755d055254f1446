using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// Stable event ids derived from content, not position: the year and a hash of the first source's file, sentence and
/// date expression. Adding articles never renames an existing event unless an earlier-published article tells it first.
/// </summary>
/// <example>2024-06 from "2024年6月，國際產業中試集聚區…成立" in 001_….txt → "e2024-3f9a1c2b7d".</example>
public static class EventIds
{
    public static string For(DatedStatement primary) =>
        $"e{primary.Expression.Date.Year}-{Hash($"{primary.FileName}|{primary.Sentence.Text}|{primary.Expression.Text}")}";

    public static string ForManual(PartialDate date, string title) => $"m{date.Year}-{Hash($"{date}|{title}")}";

    /// <summary>
    /// Two events whose first sources share file, sentence and date expression (a sentence telling two developments
    /// with the same date words) would get the same id; the later ones, in merge order, get "-2", "-3"… so every id
    /// stays unique and stable.
    /// </summary>
    public static void MakeUnique(TimelineEvent[] events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Length; i++)
        {
            var id = events[i].Id;
            for (var n = 2; !seen.Add(id); n++)
            {
                id = $"{events[i].Id}-{n}";
            }

            if (!ReferenceEquals(id, events[i].Id))
            {
                events[i] = events[i] with { Id = id };
            }
        }
    }

    // The first ten hex digits of SHA-256 (five bytes), lower case.
    private static string Hash(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..5]);
    }
}
