namespace HetaoSite.Core.Model;

/// <summary>The file format an article arrived in (by extension).</summary>
public enum ArticleFormat
{
    /// <summary><c>.txt</c>: plain text, optionally with front matter; the body may contain HTML or Markdown-ish lists.</summary>
    Text,

    /// <summary><c>.md</c>/<c>.markdown</c>: Markdown with YAML front matter.</summary>
    Markdown,

    /// <summary><c>.html</c>/<c>.htm</c>: a saved web page.</summary>
    Html,
}
