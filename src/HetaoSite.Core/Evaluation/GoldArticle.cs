namespace HetaoSite.Core.Evaluation;

/// <summary>
/// The hand annotation of one development-set article (tests/DevSet/gold/&lt;file&gt;.yml): its publication date,
/// every dated development it states about the zone, and the dated text that must not become an event.
/// </summary>
/// <param name="FileName">The article file this gold belongs to.</param>
/// <param name="GoldFile">The gold file's own name, for messages.</param>
/// <param name="Published">"YYYY", "YYYY-MM" or "YYYY-MM-DD".</param>
/// <param name="Script">"Hant", "Hans" or "Latn" (English): the article's own script.</param>
public sealed record GoldArticle(
    string FileName,
    string GoldFile,
    string Published,
    string? PublishedWhere,
    string Script,
    IReadOnlyList<GoldEvent> Events,
    IReadOnlyList<GoldNonEvent> NonEvents);

/// <summary>A development the article states with a date.</summary>
/// <param name="Date">As precise as the text allows: "YYYY", "YYYY-MM" or "YYYY-MM-DD".</param>
/// <param name="Key">An exact substring of the sentence that states it.</param>
/// <param name="Title">An acceptable headline.</param>
/// <param name="Line">The line of the entry in the gold file.</param>
public sealed record GoldEvent(string Date, string Key, string Title, bool Planned, int Line);

/// <summary>Dated text that must not become an event, and why (page metadata, caption, figure, …).</summary>
public sealed record GoldNonEvent(string Key, string Why, int Line);
