namespace HetaoSite.Core.Model;

/// <summary>
/// Where an article's published date (or other metadata) came from. Precedence, strongest first: config, front matter,
/// HTML meta, masthead or header, byline or dateline, footer (see <see cref="Extraction.MetadataResolver"/>).
/// </summary>
public enum MetadataOrigin
{
    /// <summary><c>site-config.yml</c> (<c>articles.&lt;file&gt;</c>): the maintainers' word beats the file.</summary>
    Config,

    /// <summary>YAML front matter.</summary>
    FrontMatter,

    /// <summary>HTML <c>&lt;meta&gt;</c> such as <c>article:published_time</c>.</summary>
    HtmlMeta,

    /// <summary>A byline such as <c>2024年08月09日09:31 | 來源:新華網</c> or <c>深圳新聞網2025年12月12日訊</c>.</summary>
    Byline,

    /// <summary>A dateline such as <c>新華社深圳8月8日電</c> (month and day; the year from elsewhere).</summary>
    Dateline,

    /// <summary>A newspaper masthead line above the text: <c>香港文匯報 2024年6月12日 星期三 A12版</c>.</summary>
    Masthead,

    /// <summary>A date line above the text: <c>2024年6月12日（星期三）</c>.</summary>
    Header,

    /// <summary>A date line after the text, such as a press release's <c>2024年6月12日（星期三）香港時間17時03分</c>.</summary>
    Footer,

    /// <summary>No date found: the article is undated.</summary>
    None,
}
