namespace HetaoSite.Core.Model;

/// <summary>
/// An article decoded and split into blocks, before cleaning. <see cref="Blocks"/> are in reading order with the
/// source line of each; HTML and Markdown markup is already reduced to text.
/// </summary>
/// <param name="Encoding">The encoding the bytes were decoded with: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030 or big5.</param>
public sealed record RawArticle(
    string FileName,
    ArticleFormat Format,
    string Encoding,
    SourceMetadata Metadata,
    IReadOnlyList<TextBlock> Blocks);
