using System.Buffers;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Lower-cases exactly the characters that lower-case to ASCII (A–Z, and the Kelvin sign, which the invariant culture
/// lowers to k) and leaves every other character as it is. Word lists of lower-case English words and
/// Chinese words are found in the result at the same places as in <see cref="string.ToLowerInvariant"/>'s, without a
/// culture-aware case change of the whole (mostly Chinese) text.
/// </summary>
public static class AsciiCase
{
    private static readonly SearchValues<char> Upper = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ\u212A");

    /// <summary>"Published 2024年" → "published 2024年"; a text without such a character is returned as is.</summary>
    public static string ToLower(string text)
    {
        var first = text.AsSpan().IndexOfAny(Upper);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan(0, state.first).CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                span[i] = ToLower(state.text[i]);
            }
        });
    }

    /// <summary>The character's invariant lower case when that is ASCII; otherwise the character itself.</summary>
    public static char ToLower(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        '\u212A' => 'k',
        _ => c,
    };
}
