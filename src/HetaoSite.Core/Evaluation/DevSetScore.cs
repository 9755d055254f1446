namespace HetaoSite.Core.Evaluation;

/// <summary>
/// The evaluation of a build against the gold: recall, precision, publication dates, title faults and quotation
/// exactness, each with the cases behind it so that a reader can see what to fix.
/// </summary>
/// <param name="GoldEvents">Gold events in the set.</param>
/// <param name="Missed">Gold events no extracted event matches.</param>
/// <param name="Pairs">(event, article) source pairs from the set.</param>
/// <param name="FalsePositives">Pairs that match no gold event.</param>
/// <param name="Articles">Articles with gold.</param>
/// <param name="WrongPublished">Articles whose resolved publication date differs from the gold.</param>
/// <param name="Titles">Event titles checked (events with a source in the set).</param>
/// <param name="TitleFaults">Titles that break a headline rule.</param>
/// <param name="Quotations">Distinct (article, sentence) quotations checked.</param>
/// <param name="AlteredQuotations">Quotations not found verbatim in the article's text or on its page.</param>
public sealed record DevSetScore(
    int GoldEvents,
    IReadOnlyList<MissedEvent> Missed,
    int Pairs,
    IReadOnlyList<FalsePositive> FalsePositives,
    int Articles,
    IReadOnlyList<WrongPublished> WrongPublished,
    int Titles,
    IReadOnlyList<FaultyTitle> TitleFaults,
    int Quotations,
    IReadOnlyList<AlteredQuotation> AlteredQuotations)
{
    public int Found => GoldEvents - Missed.Count;

    public double Recall => GoldEvents == 0 ? 1 : (double)Found / GoldEvents;

    public int TruePairs => Pairs - FalsePositives.Count;

    public double Precision => Pairs == 0 ? 1 : (double)TruePairs / Pairs;

    public int PublishedCorrect => Articles - WrongPublished.Count;

    public int QuotationsExact => Quotations - AlteredQuotations.Select(a => (a.FileName, a.Sentence)).Distinct().Count();
}

/// <summary>
/// A gold event not found. <paramref name="FoundAs"/> lists the dates at which its sentence did become an event;
/// <paramref name="Cause"/> says why it did not when the build tells: "article not built", or the reason the build
/// gave for dropping a date of its sentence ("not_about_zone (…)"); null when no drop was listed.
/// </summary>
public sealed record MissedEvent(string FileName, string Date, string Key, string Title, int Line, IReadOnlyList<string> FoundAs, string? Cause = null)
{
    /// <summary>The cause without its detail ("not_about_zone"), for counting.</summary>
    public string CauseKind => Cause is null ? "no drop listed" : Cause.Split([" (", " ["], StringSplitOptions.None)[0];
}

/// <summary>An extracted (event, article) pair that matches no gold event; <paramref name="NonEvent"/> is the gold's reason when it was annotated as one.</summary>
public sealed record FalsePositive(string FileName, string Date, string Sentence, string Title, string? NonEvent);

public sealed record WrongPublished(string FileName, string Expected, string? Actual);

/// <summary>An event title that breaks a headline rule, with the faults <see cref="Extraction.TitleFaults"/> finds in it.</summary>
public sealed record FaultyTitle(string Title, string Date, string FileName, IReadOnlyList<string> Faults);

/// <summary>A quotation not verbatim: <paramref name="Where"/> is "article text" or "article page".</summary>
public sealed record AlteredQuotation(string FileName, string Sentence, string Where);
