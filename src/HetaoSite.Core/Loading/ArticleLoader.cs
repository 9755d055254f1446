using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Decodes an article file and splits it into metadata and text blocks, by extension: <c>.md</c>/<c>.markdown</c>
/// (Markdown + YAML front matter), <c>.txt</c> (plain text, optional front matter, the body may be HTML), <c>.html</c>/<c>.htm</c>
/// (a saved page). Every block keeps the 1-based line of the file it starts on. See docs/ingestion.md.
/// </summary>
/// <remarks>
/// Errors: HS0101 cannot decode, HS0102 bad date, HS0103 empty article, HS0104 file too large, HS0105 unclosed front
/// matter, HS0106 HTML nested too deep; HS0107 (warning) a title over <see cref="BuildLimits.MaxTitleCharacters"/> is truncated.
/// </remarks>
public static class ArticleLoader
{
    /// <param name="cancellation">Checked after decoding and after reading the blocks; the article's time limit (see <see cref="ArticleProcessor"/>).</param>
    public static StageResult<RawArticle?> Load(SourceFile file, BuildLimits limits, CancellationToken cancellation = default)
    {
        var name = file.FileName;
        if (file.Bytes.LongLength > limits.MaxFileBytes)
        {
            return Fail(Diagnostic.Error("HS0104", $"file is {file.Bytes.LongLength} bytes, more than the limit of {limits.MaxFileBytes}", name,
                hint: "split the article or raise limits.max_file_bytes in site-config.yml"));
        }

        var decoded = TextDecoder.Decode(file.Bytes);
        if (decoded.Text is not { } text)
        {
            return Fail(Diagnostic.Error("HS0101", $"cannot decode: {decoded.Problem}", name,
                hint: "save the file as UTF-8 text (GB18030, Big5 and UTF-16 with a BOM are also read)"));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty(name);
        }

        cancellation.ThrowIfCancellationRequested();
        var format = FormatOf(name);
        var diagnostics = new List<Diagnostic>();
        SourceMetadata metadata;
        IReadOnlyList<TextBlock> blocks;
        if (format == ArticleFormat.Html)
        {
            var page = HtmlArticleReader.Read(text, name, limits);
            diagnostics.AddRange(page.Diagnostics);
            if (page.Value is not { } value)
            {
                return new StageResult<RawArticle?>(null, diagnostics);
            }

            (metadata, blocks) = value;
        }
        else
        {
            var split = FrontMatterReader.Read(text, name, limits);
            diagnostics.AddRange(split.Diagnostics);
            if (split.Value is not { } value)
            {
                return new StageResult<RawArticle?>(null, diagnostics);
            }

            (metadata, var body) = value;
            var read = format == ArticleFormat.Markdown
                ? MarkdownArticleReader.Read(body.Text, name, body.FirstLine, limits)
                : HtmlBlockReader.LooksLikeHtml(body.Text)
                    ? HtmlBlockReader.ReadFragment(body.Text, name, body.FirstLine, limits)
                    : StageResult<IReadOnlyList<TextBlock>>.Ok(PlainTextReader.Read(body.Text, body.FirstLine));
            diagnostics.AddRange(read.Diagnostics);
            blocks = read.Value;
        }

        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new StageResult<RawArticle?>(null, diagnostics);
        }

        cancellation.ThrowIfCancellationRequested();
        if (blocks.Count == 0)
        {
            return Empty(name);
        }

        if (metadata.Title is { } title && title.Length > limits.MaxTitleCharacters)
        {
            diagnostics.Add(Diagnostic.Warning("HS0107", $"title is {title.Length} characters, more than {limits.MaxTitleCharacters}; it was shortened", name,
                hint: $"set a shorter title with \"articles: {name}: title: …\" in site-config.yml"));
            metadata = metadata with { Title = title[..(limits.MaxTitleCharacters - 1)] + "…" };
        }

        return new StageResult<RawArticle?>(new RawArticle(name, format, decoded.Encoding!, metadata, blocks), diagnostics);
    }

    public static ArticleFormat FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => ArticleFormat.Markdown,
        ".html" or ".htm" => ArticleFormat.Html,
        _ => ArticleFormat.Text,
    };

    private static StageResult<RawArticle?> Empty(string name) =>
        Fail(Diagnostic.Error("HS0103", "empty article: the file holds no text", name, hint: "add the article text or delete the file"));

    private static StageResult<RawArticle?> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
