using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 1. Every run of whitespace (NBSP, ideographic space U+3000, thin spaces, tabs) becomes one ASCII space, zero-width
/// characters go, and blocks are trimmed; blocks left empty are dropped. Punctuation is kept exactly as written (no NFKC:
/// readers see the outlet's own full-width ，。「」).
/// </summary>
/// <example><c>"　　河套\u00A0\u00A0合作區 "</c> → <c>"河套 合作區"</c>.</example>
public static class NormalizeWhitespace
{
    public static CleaningPass Apply(CleaningPass pass)
    {
        var blocks = new List<TextBlock>(pass.Blocks.Count);
        foreach (var block in pass.Blocks)
        {
            var text = Normalize(block.Text);
            if (text.Length > 0)
            {
                blocks.Add(ReferenceEquals(text, block.Text) ? block : block with { Text = text });
            }
        }

        return pass with { Blocks = blocks };
    }

    public static string Normalize(string text)
    {
        if (IsNormal(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    // Most blocks need no change (no edge spaces, single ASCII spaces only, nothing invisible): they are not copied.
    private static bool IsNormal(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (text[i + 1] == ' ')
                {
                    return false;
                }
            }
            else if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
