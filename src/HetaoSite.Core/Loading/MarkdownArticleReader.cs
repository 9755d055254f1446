using System.Text;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Reads a Markdown body with Markdig: paragraphs, headings and list items become blocks, inline markup becomes plain
/// text (links keep their text, images are dropped), a hard line break starts a new block, and raw HTML blocks are
/// reduced by <see cref="HtmlBlockReader"/>. Indented "code" blocks are kept as paragraphs, because scraped Chinese
/// text is often indented with spaces.
/// </summary>
internal static class MarkdownArticleReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static StageResult<IReadOnlyList<TextBlock>> Read(string text, string file, int firstLine, BuildLimits limits)
    {
        var document = Markdown.Parse(text, Pipeline);
        var blocks = new List<TextBlock>();
        var diagnostics = new List<Diagnostic>();
        var stack = new Stack<(Block Block, bool InList)>();
        // One buffer for every paragraph of the article: each is copied out of it and it is cleared for the next.
        var buffer = new StringBuilder();
        stack.Push((document, false));
        while (stack.Count > 0)
        {
            var (block, inList) = stack.Pop();
            var line = firstLine + block.Line;
            switch (block)
            {
                case ContainerBlock container:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push((container[i], inList || block is ListItemBlock));
                    }

                    break;
                case HeadingBlock heading:
                    AddInline(blocks, buffer, heading.Inline, BlockKind.Heading, line);
                    break;
                case ParagraphBlock paragraph:
                    AddInline(blocks, buffer, paragraph.Inline, inList ? BlockKind.ListItem : BlockKind.Paragraph, line);
                    break;
                case HtmlBlock html:
                    var fragment = HtmlBlockReader.ReadFragment(html.Lines.ToString(), file, line, limits);
                    blocks.AddRange(fragment.Value);
                    diagnostics.AddRange(fragment.Diagnostics);
                    break;
                case LeafBlock leaf when leaf is not ThematicBreakBlock:
                    var lines = leaf.Lines.ToString().Split('\n');
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (lines[i].Trim() is { Length: > 0 } content)
                        {
                            blocks.Add(new TextBlock(content, inList ? BlockKind.ListItem : BlockKind.Paragraph, line + i));
                        }
                    }

                    break;
            }
        }

        return new StageResult<IReadOnlyList<TextBlock>>(blocks, diagnostics);
    }

    private static void AddInline(List<TextBlock> blocks, StringBuilder text, ContainerInline? inline, BlockKind kind, int line)
    {
        if (inline is null)
        {
            return;
        }

        var blockLine = line;
        var stack = new Stack<Inline>();
        for (var child = inline.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline { IsHard: true }:
                case HtmlInline html when IsBreak(html.Tag):
                    Emit(blocks, text, kind, blockLine);
                    blockLine = line + node.Line - inline.Line + 1;
                    break;
                case LineBreakInline:
                    // Markdown joins wrapped lines with a space; Chinese text is written without spaces.
                    text.Append(WrappedJoin);
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        Emit(blocks, text, kind, blockLine);
    }

    private const char WrappedJoin = '\u0001';

    private static bool IsBreak(string tag) => tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase);

    private static void Emit(List<TextBlock> blocks, StringBuilder text, BlockKind kind, int line)
    {
        var raw = text.ToString();
        text.Clear();
        if (Joined(raw).Trim() is { Length: > 0 } content)
        {
            blocks.Add(new TextBlock(content, kind, line));
        }
    }

    // Each wrapped-line join becomes a space, or nothing between two CJK characters (the text itself when it has none).
    private static string Joined(string raw)
    {
        if (!raw.Contains(WrappedJoin, StringComparison.Ordinal))
        {
            return raw;
        }

        var result = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != WrappedJoin)
            {
                result.Append(raw[i]);
            }
            else if (!(i > 0 && i + 1 < raw.Length && raw[i - 1] > '\u2E7F' && raw[i + 1] > '\u2E7F'))
            {
                result.Append(' ');
            }
        }

        return result.ToString();
    }
}
