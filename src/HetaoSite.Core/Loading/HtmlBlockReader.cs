using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using Ganss.Xss;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Reduces HTML to text blocks with AngleSharp (never with regular expressions): <c>p</c> → Paragraph, <c>h1</c>–<c>h6</c>
/// → Heading, <c>li</c> → ListItem, <c>figcaption</c> → Caption, and <c>&lt;br&gt;</c> splits a block. A paragraph whose
/// text is all bold (<c>&lt;p&gt;&lt;strong&gt;“走得过来”&lt;/strong&gt;&lt;/p&gt;</c>) is a subheading. Shared by .html pages
/// and by HTML bodies inside .txt and .md files. Every walk is iterative and the depth is checked first, so a hostile
/// page of 10,000 nested elements is an error, never a stack overflow.
/// </summary>
internal static class HtmlBlockReader
{
    /// <summary>Elements that are never article text.</summary>
    public static readonly string[] NoiseSelectors = ["nav", "header", "footer", "aside", "script", "style", "form", "noscript", "template", "iframe", "svg", "button"];

    private static readonly string AnyNoise = string.Join(',', NoiseSelectors);

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "figcaption", "figure", "section", "article", "main",
        "blockquote", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "pre", "hr", "br", "address", "center",
        "body", "header", "footer", "aside", "nav", "form", "caption",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object", "select", "textarea", "button",
    };

    /// <summary>Marks a line break inside an HTML text node (source wrapping); dropped between Chinese characters.</summary>
    private const char WrapMark = '\u0001';

    // One parser per thread: a new parser builds its own browsing context and configuration, and the context keeps the
    // CSS selectors it has parsed for the queries run on its documents.
    [ThreadStatic]
    private static HtmlParser? _parser;

    public static IHtmlDocument Parse(string html) =>
        (_parser ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true })).ParseDocument(html);

    /// <summary>How deeply elements nest under <paramref name="root"/> (the root counts as 1), counted without recursion.</summary>
    public static int Depth(INode root)
    {
        var max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is IElement)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return max;
    }

    // Elements that never contain others, and elements whose end tag may be left out (a new <p> closes the last one):
    // neither deepens the tree, so the pre-parse estimate does not count them.
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "p", "li", "dt", "dd", "rt", "rp", "rb", "rtc", "optgroup", "option", "colgroup", "caption", "thead", "tbody", "tfoot",
        "tr", "td", "th", "html", "head", "body",
    };

    /// <summary>
    /// Estimates the nesting depth from the token stream alone, before any tree is built: AngleSharp's tree builder
    /// needs quadratic time for deep nesting (10,000 nested divs take seconds), so hostile input is refused first.
    /// </summary>
    public static int EstimateDepth(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        int depth = 0, max = 0;
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token is not HtmlTagToken tag || Uncounted.Contains(tag.Name))
            {
                continue;
            }

            if (token.Type == HtmlTokenType.StartTag && !tag.IsSelfClosing)
            {
                max = Math.Max(max, ++depth);

                // What the tree builder would do: the content of these elements is text, not markup.
                tokenizer.State = tag.Name switch
                {
                    "script" => HtmlParseMode.Script,
                    "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript" => HtmlParseMode.Rawtext,
                    "textarea" or "title" => HtmlParseMode.RCData,
                    "plaintext" => HtmlParseMode.Plaintext,
                    _ => tokenizer.State,
                };
            }
            else if (token.Type == HtmlTokenType.EndTag)
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return max;
    }

    /// <summary>Refuses markup nested deeper than <paramref name="maxDepth"/>, judged on the tokens before parsing.</summary>
    public static Diagnostic? CheckDepthBeforeParsing(string html, string file, int maxDepth) =>
        // Every start tag begins with '<': markup with no more of them than the limit cannot nest deeper, and most
        // article pages are small enough to skip the tokenising pass.
        html.AsSpan().Count('<') > maxDepth && EstimateDepth(html) is var depth && depth > maxDepth ? TooDeep(depth, file, maxDepth) : null;

    public static Diagnostic? CheckDepth(INode root, string file, int maxDepth) =>
        Depth(root) is var depth && depth > maxDepth ? TooDeep(depth, file, maxDepth) : null;

    private static Diagnostic TooDeep(int depth, string file, int maxDepth) =>
        Diagnostic.Error("HS0106", $"HTML elements are nested {depth} levels deep, more than the limit of {maxDepth}", file,
            hint: "this is not a normal article page; raise limits.max_html_depth in site-config.yml only if you trust the file");

    // Thread-safe once configured (it is never reconfigured). KeepChildNodes: an unknown wrapper such as <o:p> or <font>
    // is unwrapped instead of taking its text with it; scripts and styles are already gone by then (RemoveNoise).
    private static readonly HtmlSanitizer Sanitizer = new() { KeepChildNodes = true };

    public static void RemoveNoise(IElement root)
    {
        foreach (var element in root.QuerySelectorAll(AnyNoise).ToList())
        {
            element.Remove();
        }
    }

    /// <summary>
    /// Removes navigation and other noise, then runs HtmlSanitizer's allow-list over what is left (event-handler
    /// attributes, <c>javascript:</c> URLs, unknown elements). The reader below keeps only text, so this is defence in
    /// depth: no markup from an article could reach a page even if a later change started keeping some.
    /// </summary>
    public static void Clean(IHtmlDocument document, IElement root)
    {
        RemoveNoise(root);
        Sanitizer.SanitizeDom(document, root as IHtmlElement);
    }

    /// <summary>Reads an HTML body found inside a .txt or .md file; its text nodes keep their line breaks.</summary>
    public static StageResult<IReadOnlyList<TextBlock>> ReadFragment(string html, string file, int firstLine, BuildLimits limits)
    {
        if (CheckDepthBeforeParsing(html, file, limits.MaxHtmlDepth) is { } tooDeepTokens)
        {
            return new StageResult<IReadOnlyList<TextBlock>>([], [tooDeepTokens with { Line = firstLine }]);
        }

        using var document = Parse(html);
        if (CheckDepth(document, file, limits.MaxHtmlDepth) is { } tooDeep)
        {
            return new StageResult<IReadOnlyList<TextBlock>>([], [tooDeep with { Line = firstLine }]);
        }

        var body = document.Body ?? document.DocumentElement;
        Clean(document, body);
        return StageResult<IReadOnlyList<TextBlock>>.Ok(ReadBlocks(body, firstLine, keepLineBreaks: true));
    }

    /// <summary>True when a text body holds HTML block markup (seed 003's <c>&lt;div&gt;&lt;p&gt;…</c>).</summary>
    public static bool LooksLikeHtml(string text)
    {
        string[] tags = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section", "figure", "figcaption", "table", "span", "strong"];
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0; i = text.IndexOf('<', i + 1))
        {
            var start = i + 1 < text.Length && text[i + 1] == '/' ? i + 2 : i + 1;
            var end = start;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
            {
                end++;
            }

            if (end < text.Length && text[end] is '>' or ' ' or '/' or '\n' && tags.Contains(text[start..end].ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Walks <paramref name="root"/> in document order and emits one block per paragraph-like run of text.</summary>
    /// <param name="firstLine">The file line of the first line of the parsed HTML source.</param>
    /// <param name="keepLineBreaks">True for HTML inside plain-text files, where a newline still ends a line of text.</param>
    public static List<TextBlock> ReadBlocks(IElement root, int firstLine, bool keepLineBreaks)
    {
        var walker = new Walker(firstLine, keepLineBreaks);
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IElement element)
            {
                if (leaving)
                {
                    walker.Leave(element);
                    continue;
                }

                if (Skipped.Contains(element.LocalName))
                {
                    continue;
                }

                walker.Enter(element);
                stack.Push((element, true));
                var children = new List<INode>();
                for (var child = element.FirstChild; child is not null; child = child.NextSibling)
                {
                    children.Add(child);
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], false));
                }
            }
            else if (node is IText text)
            {
                walker.Text(text.Data);
            }
        }

        walker.Flush();
        return walker.Blocks;
    }

    private sealed class Walker(int firstLine, bool keepLineBreaks)
    {
        private readonly int _firstLine = firstLine;
        private readonly bool _keepLineBreaks = keepLineBreaks;
        private readonly StringBuilder _text = new();
        private readonly List<string> _kinds = [];
        private int _line = firstLine;
        private int _blockLine = firstLine;
        private int _bold;
        private int _boldChars;
        private int _allChars;

        public List<TextBlock> Blocks { get; } = [];

        public void Enter(IElement element)
        {
            if (element.SourceReference is { } source)
            {
                _line = _firstLine + source.Position.Line - 1;
            }

            var name = element.LocalName;
            if (BlockElements.Contains(name))
            {
                Flush();
            }

            if (name is "strong" or "b")
            {
                _bold++;
            }

            _kinds.Add(name);
        }

        public void Leave(IElement element)
        {
            var name = element.LocalName;
            if (BlockElements.Contains(name))
            {
                Flush();
            }

            if (name is "strong" or "b")
            {
                _bold--;
            }

            _kinds.RemoveAt(_kinds.Count - 1);
        }

        public void Text(string data)
        {
            var parts = _keepLineBreaks ? data.Split('\n') : [data];
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    Flush();
                    _line++;
                }

                Append(parts[i]);
            }

            if (!_keepLineBreaks)
            {
                _line += data.Count(c => c == '\n');
            }
        }

        private void Append(string part)
        {
            foreach (var c in part)
            {
                if (char.IsWhiteSpace(c) && c != '\u3000')
                {
                    var mark = c == '\n' ? WrapMark : ' ';
                    if (_text.Length > 0 && (_text[^1] == ' ' || _text[^1] == WrapMark))
                    {
                        _text[^1] = _text[^1] == WrapMark ? WrapMark : mark;
                    }
                    else if (_text.Length > 0)
                    {
                        _text.Append(mark);
                    }

                    continue;
                }

                if (_allChars == 0)
                {
                    _blockLine = _line;
                }

                _text.Append(c);
                _allChars++;
                if (_bold > 0)
                {
                    _boldChars++;
                }
            }
        }

        public void Flush()
        {
            var text = Unwrap(_text.ToString()).Trim();
            if (text.Length > 0)
            {
                var kind = Kind();
                if (kind == BlockKind.Paragraph && _boldChars == _allChars && text.Length <= 40)
                {
                    kind = BlockKind.Heading;
                }

                Blocks.Add(new TextBlock(text, kind, _blockLine));
            }

            _text.Clear();
            _boldChars = 0;
            _allChars = 0;
        }

        private BlockKind Kind()
        {
            for (var i = _kinds.Count - 1; i >= 0; i--)
            {
                switch (_kinds[i])
                {
                    case "figcaption":
                        return BlockKind.Caption;
                    case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                        return BlockKind.Heading;
                    case "li":
                        return BlockKind.ListItem;
                }
            }

            return BlockKind.Paragraph;
        }

        private static string Unwrap(string text)
        {
            var result = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != WrapMark)
                {
                    result.Append(text[i]);
                }
                else if (!(i > 0 && i + 1 < text.Length && IsCjk(text[i - 1]) && IsCjk(text[i + 1])))
                {
                    result.Append(' ');
                }
            }

            return result.ToString();
        }

        private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
    }
}
