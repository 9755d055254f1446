using System.Buffers;
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
        $"e{primary.Expression.Date.Year}-{Hash(primary.FileName, primary.Sentence.Text, primary.Expression.Text)}";

    public static string ForManual(PartialDate date, string title) => $"m{date.Year}-{Hash(date.ToString(), title)}";

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

    // The first ten hex digits of SHA-256 (five bytes), lower case, of the parts joined by '|'; encoded into one pooled
    // buffer rather than joined into a string first (this runs for every event and every mention of one).
    private static string Hash(params ReadOnlySpan<string> parts)
    {
        var characters = parts.Length;
        foreach (var part in parts)
        {
            characters += part.Length;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(characters));
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    bytes[written++] = (byte)'|';
                }

                written += Encoding.UTF8.GetBytes(parts[i], bytes.AsSpan(written));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash[..5]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
