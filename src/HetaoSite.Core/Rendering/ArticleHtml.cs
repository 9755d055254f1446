using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HetaoSite.Core.Model;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The text of one article page as HTML, written by the engine as Hugo writes a page's <c>.Content</c>: templates place
/// it (<c>{{ article_text a.text }}</c>) but do not decide its markup. An article has hundreds of sentences; as a
/// template loop over per-sentence objects it was most of the article pages' cost.
/// </summary>
/// <remarks>
/// Each block on a line of its own, indented to sit in <c>section.article-body</c>: a heading as
/// <c>h3.article-heading</c>, a caption as <c>p.caption</c>, consecutive list items as one <c>ul.article-list</c>, a
/// paragraph as <c>p</c>. Inside, the pieces of text follow each other with nothing between them, so that the block
/// reads (and copies) exactly as the article wrote it: a line break between two spans shows as a space in Chinese text.
/// A sentence is a <c>span.sentence</c> with its anchor id; a cited sentence a <c>mark.cite</c> followed by an
/// <c>a.back-link</c> to each event it states (its date and title for screen readers); text between sentences as it is.
/// Text is always data: HTML-escaped, shown as written in the rendering of the article's script and converted in the
/// other (<see cref="Rendition.Text"/>).
/// </remarks>
internal sealed class ArticleHtml(ArticleExtraction extraction, SiteFacts facts, Rendition rendition, SiteUrls urls, string backToEvent) : IHashedByInputs
{
    // What WebUtility.HtmlEncode (Scriban's html.escape) encodes: text without any of these is written as it is.
    private static readonly SearchValues<char> Encoded = SearchValues.Create(
        "<>&\"'" + new string([.. Enumerable.Range(160, 96).Concat(Enumerable.Range(0xD800, 0x800)).Select(c => (char)c)]));

    /// <summary>Writes the blocks to <paramref name="context"/>'s output.</summary>
    public void Write(TemplateContext context)
    {
        // In the script the article is not written in, its pieces are shown as the per-article stage converted them,
        // looked up here, when the page is rendered, not when its object is built to tell whether the page changed.
        var converted = rendition.Converts(extraction.Article.Script) ? ArticleScripts.PageConversions(extraction, rendition.Converter!) : null;
        var cited = facts.CitedIn.GetValueOrDefault(extraction.Article.Id);
        var blocks = extraction.Article.Blocks;
        var last = Math.Max(0, blocks.Count - 1);
        // Sentences whose block is out of range go with the first or last block.
        var sentences = DisplayedTexts.InBlockOrder(extraction.Sentences, blocks.Count);
        var pieces = new List<ArticleText.Piece>();
        var next = 0;
        var inList = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var first = next;
            while (next < sentences.Length && Math.Clamp(sentences[next].Block, 0, last) == i)
            {
                next++;
            }

            var block = blocks[i];
            ArticleText.Pieces(block.Text, sentences.AsSpan(first, next - first), pieces);
            if (block.Kind == BlockKind.ListItem)
            {
                if (!inList)
                {
                    context.Write("    <ul class=\"article-list\">\n");
                    inList = true;
                }

                context.Write("      <li>");
                WritePieces(context, block.Text, pieces, converted, cited);
                context.Write("</li>\n");
                continue;
            }

            if (inList)
            {
                context.Write("    </ul>\n");
                inList = false;
            }

            var (open, close) = block.Kind switch
            {
                BlockKind.Heading => ("    <h3 class=\"article-heading\">", "</h3>\n"),
                BlockKind.Caption => ("    <p class=\"caption\">", "</p>\n"),
                _ => ("    <p>", "</p>\n"),
            };
            context.Write(open);
            WritePieces(context, block.Text, pieces, converted, cited);
            context.Write(close);
        }

        if (inList)
        {
            context.Write("    </ul>\n");
        }
    }

    /// <summary>
    /// Everything <see cref="Write"/> reads, for the page's hash, without writing the text: the article's own text
    /// (<see cref="TextHash"/>), the text of the back link, and for each cited sentence the fields of its events that
    /// are written (link, id, date text, title in this script). The rendering's script and converter are in the page's
    /// key. A change here must follow every change to <see cref="Write"/>; ArticleHtmlTests checks that each input
    /// changes both.
    /// </summary>
    public void AddInputs(HashInputs inputs)
    {
        var article = extraction.Article;
        inputs.Add(TextHashes.GetValue(extraction, TextHash));
        inputs.Add(backToEvent);
        // Every cited sentence of the article, whether or not it is shown: the text's hash says which are.
        foreach (var (anchor, events) in facts.CitedIn.GetValueOrDefault(article.Id) ?? [])
        {
            inputs.Add(anchor);
            inputs.Add(events.Count);
            foreach (var citing in events)
            {
                var (e, texts) = Shown(citing);
                inputs.Add(urls.Url(texts.Path));
                inputs.Add(e.Id);
                inputs.Add(texts.DateText);
                inputs.Add(rendition.Title(e));
            }
        }

        inputs.Add(-1);
    }

    /// <summary>
    /// The hash of each article's own text, made once per article rather than once per page that hashes it (its page
    /// in each script, in every build of <c>serve</c>): an extraction never changes, and an entry lives as long as it.
    /// </summary>
    private static readonly ConditionalWeakTable<ArticleExtraction, byte[]> TextHashes = new();

    /// <summary>
    /// The article's own inputs: its id and script, the blocks (kind, text) and the sentences (block, index, offset,
    /// text: where they are and their anchors), each framed by its kind and length.
    /// </summary>
    private static byte[] TextHash(ArticleExtraction extraction)
    {
        var hash = new XxHash128();
        var article = extraction.Article;
        Text(hash, article.Id);
        Number(hash, (int)article.Script);
        Number(hash, article.Blocks.Count);
        foreach (var block in article.Blocks)
        {
            Number(hash, (int)block.Kind);
            Text(hash, block.Text);
        }

        Number(hash, extraction.Sentences.Count);
        foreach (var sentence in extraction.Sentences)
        {
            Number(hash, sentence.Block);
            Number(hash, sentence.Index);
            Number(hash, sentence.Offset);
            Text(hash, sentence.Text);
        }

        return hash.GetCurrentHash();
    }

    private static void Number(XxHash128 hash, int number)
    {
        Span<byte> bytes = stackalloc byte[5];
        bytes[0] = (byte)'i';
        BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], number);
        hash.Append(bytes);
    }

    private static void Text(XxHash128 hash, string text)
    {
        Span<byte> bytes = stackalloc byte[5];
        bytes[0] = (byte)'s';
        BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], text.Length);
        hash.Append(bytes);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private const int AnchorBlocks = 256;
    private const int AnchorIndexes = 64;

    private static readonly string?[] Anchors = new string?[AnchorBlocks * AnchorIndexes];

    /// <summary>
    /// <see cref="Sentence.Anchor"/>, made once per (block, index) for the process rather than anew each time a page is
    /// hashed or written, which asks for every sentence's anchor. Two threads may both make one; they make the same text.
    /// </summary>
    private static string AnchorOf(Sentence sentence)
    {
        if ((uint)sentence.Block >= AnchorBlocks || (uint)sentence.Index >= AnchorIndexes)
        {
            return sentence.Anchor;
        }

        ref var anchor = ref Anchors[(sentence.Block * AnchorIndexes) + sentence.Index];
        return anchor ??= sentence.Anchor;
    }

    /// <summary>The event pages show for a citing event's id, and its texts.</summary>
    private (TimelineEvent Event, SiteFacts.EventTexts Texts) Shown(SiteFacts.CitingEvent citing) =>
        (facts.Events[citing.Shown], facts.EventTextsByIndex[citing.Shown]);

    /// <param name="cited">The events citing the article's sentences, by anchor (<see cref="SiteFacts.CitedIn"/>; null when none do).</param>
    private void WritePieces(TemplateContext context, string text, List<ArticleText.Piece> pieces, Dictionary<string, string>? converted,
        Dictionary<string, List<SiteFacts.CitingEvent>>? cited)
    {
        foreach (var piece in pieces)
        {
            if (piece.Sentence is not { } sentence)
            {
                WriteText(context, text, piece, converted);
                continue;
            }

            var anchor = AnchorOf(sentence);
            if (cited is null || !cited.TryGetValue(anchor, out var events))
            {
                context.Write("<span class=\"sentence\" id=\"").Write(anchor).Write("\">");
                WriteText(context, text, piece, converted);
                context.Write("</span>");
                continue;
            }

            context.Write("<mark class=\"cite\" id=\"").Write(anchor).Write("\">");
            WriteText(context, text, piece, converted);
            context.Write("</mark>");
            foreach (var citing in events)
            {
                var (e, texts) = Shown(citing);
                context.Write("<a class=\"back-link\" href=\"");
                WriteEscaped(context, urls.Url(texts.Path));
                context.Write("\" data-event=\"");
                WriteEscaped(context, e.Id);
                context.Write("\">").Write(backToEvent).Write("<span class=\"visually-hidden\">：").Write(texts.DateText).Write(" ");
                WriteEscaped(context, rendition.Title(e));
                context.Write("</span></a>");
            }
        }
    }

    /// <summary>
    /// A piece's text as this rendering shows it, escaped: as written straight from the block's text, or converted,
    /// found in <paramref name="converted"/> by the piece's text (<see cref="ArticleText.Piece.Text"/>, a slice of the
    /// block looked up as a span, not copied), and converted by the rendition when it is not there.
    /// </summary>
    private void WriteText(TemplateContext context, string text, ArticleText.Piece piece, Dictionary<string, string>? converted)
    {
        var script = extraction.Article.Script;
        if (rendition.Converts(script))
        {
            var found = converted is null || piece.Length == 0 ? null
                : piece.Sentence is { } sentence ? converted.GetValueOrDefault(sentence.Text)
                : converted.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.AsSpan(piece.Start, piece.Length), out var slice) ? slice
                : null;
            WriteEscaped(context, found ?? rendition.Text(piece.Text(text), script));
        }
        else
        {
            WriteEscaped(context, text, piece.Start, piece.Length);
        }
    }

    private static void WriteEscaped(TemplateContext context, string text) => WriteEscaped(context, text, 0, text.Length);

    /// <summary>Writes the text HTML-escaped exactly as <see cref="WebUtility.HtmlEncode(string)"/> does, without a copy when nothing needs escaping.</summary>
    internal static void WriteEscaped(TemplateContext context, string text, int start, int length)
    {
        if (text.AsSpan(start, length).ContainsAny(Encoded))
        {
            context.Write(WebUtility.HtmlEncode(text.Substring(start, length)));
        }
        else
        {
            context.Write(text, start, length);
        }
    }
}

/// <summary>
/// <c>article_text a.text</c>: writes an article page's text (<see cref="ArticleHtml"/>) where it stands. As a statement
/// of its own it writes straight into the page's output; anywhere else it returns the HTML as a string.
/// </summary>
internal sealed class ArticleTextFunction : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "text");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != 1 || arguments[0] is not ArticleHtml html)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "article_text takes an article page's text: article_text page.article.text");
        }

        if (context.EnableOutput && callerContext is ScriptFunctionCall { Parent: ScriptExpressionStatement })
        {
            html.Write(context);
            return null;
        }

        var output = new StringBuilderOutput();
        context.PushOutput(output);
        try
        {
            html.Write(context);
        }
        finally
        {
            context.PopOutput();
        }

        return output.ToString();
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
