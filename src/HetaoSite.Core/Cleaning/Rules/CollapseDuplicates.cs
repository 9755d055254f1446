using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 7. A block repeated later in the article (seed 001 prints every caption twice; its 題: line repeats the
/// headline) collapses to its first copy; a copy that is a heading makes the first copy a heading. Blocks shorter than
/// six characters collapse only when the repeat follows directly, so short list items such as "是" survive.
/// </summary>
public static class CollapseDuplicates
{
    private const int MinLength = 6;

    public static CleaningPass Apply(CleaningPass pass)
    {
        var blocks = new List<TextBlock>(pass.Blocks.Count);
        var firstIndex = new Dictionary<string, int>(pass.Blocks.Count, StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var block in pass.Blocks)
        {
            var key = Key(block.Text);
            if (firstIndex.TryGetValue(key, out var index) && (key.Length >= MinLength || index == blocks.Count - 1))
            {
                duplicates++;
                if (block.Kind == BlockKind.Heading && blocks[index].Kind != BlockKind.Heading)
                {
                    blocks[index] = blocks[index] with { Kind = BlockKind.Heading };
                }

                continue;
            }

            firstIndex[key] = blocks.Count;
            blocks.Add(block);
        }

        return pass with { Blocks = blocks, Stats = pass.Stats with { Duplicates = pass.Stats.Duplicates + duplicates } };
    }

    private static string Key(string text)
    {
        // Cleaned blocks rarely hold whitespace: most keys are the text itself, with no copy made.
        if (!HasWhiteSpace(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool HasWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
