using System.Text.RegularExpressions;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Splits plain text into blocks: every non-empty line is one block. Markdown-ish list lines (<c>- x</c>, <c>* x</c>,
/// <c>1. x</c>) become list items and <c>**</c> emphasis marks are dropped (seed 004).
/// </summary>
/// <example><c>- 世界無線局域網應用發展聯盟**</c> → ListItem <c>世界無線局域網應用發展聯盟</c>.</example>
internal static partial class PlainTextReader
{
    public static List<TextBlock> Read(string text, int firstLine)
    {
        var blocks = new List<TextBlock>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Replace("**", string.Empty, StringComparison.Ordinal).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var kind = BlockKind.Paragraph;
            if (ListMarker().Match(line) is { Success: true } marker)
            {
                kind = BlockKind.ListItem;
                line = line[marker.Length..].Trim();
                if (line.Length == 0)
                {
                    continue;
                }
            }

            blocks.Add(new TextBlock(line, kind, firstLine + i));
        }

        return blocks;
    }

    // "- x", "* x", "• x", "1. x", "1) x" — the marker must be followed by a space, so "1.35平方公里" stays a paragraph.
    [GeneratedRegex(@"^(?:[-*+•・]|\d{1,3}[.)])[ \t\u3000]+", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();
}
