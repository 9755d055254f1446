using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Model;
using HetaoSite.Core.Timeline;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Finds the dated statements of one article: every date expression in its text, resolved against the publication date,
/// kept as an event candidate with its sentence when the sentence states a development of the zone — or dropped with a
/// reason (caption, byline, out of window, duration, figure, reporters' activity, opinion, no development, not about
/// the zone, duplicate…) that the build report lists with the sentence.
/// </summary>
/// <remarks>
/// The order of the decisions: a date inside a 《title》, outside the window, a mention rather than a development
/// (<see cref="EventWording"/>), not about the zone (<see cref="ZoneGazetteer"/>, when site-config.yml has a
/// <c>zone:</c> section), then duplicates. A mention or a statement not about the zone carries the id it would have as
/// an event; <c>events.keep</c> lists ids to keep anyway.
/// </remarks>
public static class EventExtractor
{
    /// <summary>How many blocks after a dated gathering a sentence opening with 現場/會上 still refers to it.</summary>
    private const int OccasionReach = 3;

    /// <param name="cancellation">Checked in every block, sentence and date scan; the article's time limit (see <see cref="ArticleProcessor"/>).</param>
    public static StageResult<ArticleExtraction> Extract(Article article, SiteConfig config, CancellationToken cancellation = default)
    {
        var diagnostics = new List<Diagnostic>();
        var sentences = SentenceSplitter.Split(article.Blocks, cancellation);
        var statements = new List<DatedStatement>();
        // The date each statement tells (its end for a range), kept beside them rather than listed again for every block.
        var told = new List<PartialDate>();
        var figures = new List<KeyFigure>();
        var dropped = new List<DroppedDate>();
        var keep = config.Editorial.KeepIds.Count == 0 ? null : config.Editorial.KeepIds.ToHashSet(StringComparer.Ordinal);
        (DatedStatement Statement, int Block)? lastOccasion = null;
        var found = 0;

        // An undated article parses without an anchor: what needed it is rejected and dropped as "no publication date".
        var anchor = article.Published ?? default;
        foreach (var byline in article.Bylines)
        {
            var parse = TemporalParser.Parse(byline.Text, anchor, cancellation);
            found += parse.Dates.Count;
            dropped.AddRange(parse.Dates.Select(d => new DroppedDate(d.Text, DropReason.Byline, -1, null, byline.Text)));
        }

        for (var b = 0; b < article.Blocks.Count; b++)
        {
            var block = article.Blocks[b];

            // 同日, 當天, that day: with no date before them in the paragraph, they refer to the nearest development told
            // before it in the article.
            var parse = TemporalParser.Parse(block.Text, anchor, told, cancellation);
            found += parse.Dates.Count + parse.Rejected.Count;
            var needsAnchor = article.IsUndated ? NeedingAnAnchor(block.Text, parse) : null;
            if (found > config.Limits.MaxDatesPerArticle)
            {
                diagnostics.Add(Diagnostic.Error("HS0141", $"more than {config.Limits.MaxDatesPerArticle} date expressions in one article",
                    article.FileName, block.Line, "split the article, or raise limits.max_dates_per_article in site-config.yml"));
                return new StageResult<ArticleExtraction>(new ArticleExtraction(article, sentences, [], [], dropped, found), diagnostics);
            }

            var dates = new List<TemporalExpression>(parse.Dates);
            foreach (var rejected in parse.Rejected)
            {
                if (block.Kind is not (BlockKind.Caption or BlockKind.Heading) && article.Published is { } published
                    && SinceDevelopment(block.Text, rejected, published) is { } since)
                {
                    dates.Add(since);
                }
                else if (needsAnchor?.Contains(rejected.Start) == true)
                {
                    dropped.Add(new DroppedDate(rejected.Text, DropReason.NoPublicationDate, b, "a relative date needs the article's publication date",
                        SentenceText(sentences, b, rejected.Start)));
                }
                else
                {
                    dropped.Add(new DroppedDate(rejected.Text, Reason(rejected.Reason), b, null, SentenceText(sentences, b, rejected.Start)));
                }
            }

            // A headline condenses the report ("河套香港園區下半年開園"): the body states its news, with the date's context.
            var heading = block.Kind == BlockKind.Heading || IsHeadline(article, block);
            if (block.Kind == BlockKind.Caption || heading)
            {
                var reason = block.Kind == BlockKind.Caption ? DropReason.Caption : DropReason.NotAnEvent;
                dropped.AddRange(dates.Select(d => new DroppedDate(d.Text, reason, b, heading ? "heading" : null,
                    SentenceText(sentences, b, d.Start))));
                continue;
            }

            // Most paragraphs have no date: nothing to group by sentence, nor to remember as dated.
            var dated = dates.Count == 0 ? null : new HashSet<Sentence>(ReferenceEqualityComparer.Instance);
            foreach (var group in dates.Count == 0 ? [] : dates.OrderBy(d => d.Start).GroupBy(d => SentenceSplitter.At(sentences, b, d.Start)))
            {
                if (group.Key is not { } sentence)
                {
                    continue;
                }

                cancellation.ThrowIfCancellationRequested();
                dated!.Add(sentence);
                foreach (var statement in Consider(article, sentences, block, sentence, [.. group], config, keep, statements, figures, dropped))
                {
                    statements.Add(statement);
                    told.Add(Told(statement));
                    if (EventWording.NamesOccasion(EventWording.Parts(statement.Sentence.Text,
                        statement.Expression.Start - sentence.Offset, statement.Expression.Length).Head))
                    {
                        lastOccasion = (statement, b);
                    }
                }
            }

            // "現場簽約落地成核心新聞點：…": a sentence without a date that opens by pointing at the gathering told just before
            // (現場, 會上, 論壇上) states a development of that gathering's day.
            if (lastOccasion is { } occasion && b - occasion.Block <= OccasionReach)
            {
                foreach (var sentence in sentences.Where(s => s.Block == b && dated?.Contains(s) != true))
                {
                    if (EventWording.OccasionReference(sentence.Text) is { } marker && EventWording.StatesDevelopment(sentence.Text))
                    {
                        var occasionDate = occasion.Statement.Expression;
                        var date = new TemporalExpression(marker, sentence.Offset + sentence.Text.IndexOf(marker, StringComparison.Ordinal),
                            occasionDate.Date, occasionDate.End, Relative: true, Approximate: occasionDate.Approximate);
                        found++;
                        foreach (var statement in Consider(article, sentences, block, sentence, [date], config, keep, statements, figures, dropped))
                        {
                            statements.Add(statement);
                            told.Add(Told(statement));
                        }
                    }
                }
            }
        }

        var extraction = new ArticleExtraction(article, sentences, statements, figures, dropped, found);
        return new StageResult<ArticleExtraction>(extraction, diagnostics);
    }

    private static PartialDate Told(DatedStatement statement) => statement.Expression.End ?? statement.Expression.Date;

    // The dates of one sentence: each is dropped with its reason or becomes a statement.
    private static List<DatedStatement> Consider(Article article, IReadOnlyList<Sentence> sentences, TextBlock block, Sentence sentence, IReadOnlyList<TemporalExpression> dates,
        SiteConfig config, HashSet<string>? keep, List<DatedStatement> earlier, List<KeyFigure> figures, List<DroppedDate> dropped)
    {
        var b = sentence.Block;
        var kept = new List<TemporalExpression>();
        foreach (var date in dates)
        {
            var offset = date.Start - sentence.Offset;
            if (IsInsideBookTitle(sentence.Text, offset))
            {
                dropped.Add(new DroppedDate(date.Text, DropReason.NotAnEvent, b, "inside a title 《…》", sentence.Text));
            }
            else if (!config.Window.Contains(date.Date) && !(date.End is { } end && config.Window.Contains(end)))
            {
                dropped.Add(new DroppedDate(date.Text, DropReason.OutOfWindow, b, date.Date.ToString(), sentence.Text));
            }
            else if (EventWording.WhyNotAnEvent(sentence.Text, offset, date.Length, future: date.Date.FirstDay > article.Published?.LastDay) is { } mention
                && !Kept(keep, article, sentence, date))
            {
                dropped.Add(new DroppedDate(date.Text, mention.Reason, b, mention.Detail, sentence.Text, Id(article, sentence, date)));
                if (mention.Reason == DropReason.Figure)
                {
                    figures.Add(new KeyFigure(date.Date, date.Text, sentence.Text, article.FileName, article.Id, sentence.Anchor));
                }
            }
            else if (config.Zone is { } zone && !zone.IsAboutZone(sentence.Text, block.Text, article.Title, FirstParagraph(article))
                && zone.ShortNameIn(block.Text, article.Blocks.Take(b).Select(e => e.Text)) is null
                && !Kept(keep, article, sentence, date))
            {
                dropped.Add(new DroppedDate(date.Text, DropReason.NotAboutZone, b, "neither the sentence nor its paragraph names the zone",
                    sentence.Text, Id(article, sentence, date)));
            }
            else
            {
                kept.Add(date);
            }
        }

        var result = new List<DatedStatement>();
        foreach (var date in kept)
        {
            // "12月11日,2025年度河套創新論壇…": the year only repeats what the day already says.
            if (kept.Any(other => !ReferenceEquals(other, date) && Refines(other.Date, date.Date)))
            {
                dropped.Add(new DroppedDate(date.Text, DropReason.Duplicate, b, "a more precise date in the same sentence", sentence.Text));
                continue;
            }

            var statement = ToStatement(article, sentences, sentence, date, config);
            if (earlier.Concat(result).Any(s => s.Expression.Date == statement.Expression.Date && s.Title == statement.Title))
            {
                dropped.Add(new DroppedDate(date.Text, DropReason.Duplicate, b, "stated twice in this article", sentence.Text));
                continue;
            }

            result.Add(statement);
        }

        return result;
    }

    private static DatedStatement ToStatement(Article article, IReadOnlyList<Sentence> sentences, Sentence sentence, TemporalExpression date, SiteConfig config)
    {
        var offset = date.Start - sentence.Offset;
        var (previous, next) = Neighbours(sentences, sentence);
        var title = EventTitles.From(sentence.Text, offset, date.Length, previous, next);
        var clause = Clause.Split(sentence.Text).LastOrDefault(c => c.Start <= offset).Text ?? sentence.Text;
        var planned = date.Date.FirstDay > article.Published?.LastDay || PlannedWording.IsPlanned(clause) || PlannedWording.IsPlanned(title);
        var category = CategoryClassifier.Classify(title, sentence.Text, config.Categories);
        return new DatedStatement(article.Id, article.FileName, sentence, date, title, category, planned);
    }

    // The id an event made of this statement alone would have (what events.keep lists).
    private static string Id(Article article, Sentence sentence, TemporalExpression date) =>
        EventIds.For(new DatedStatement(article.Id, article.FileName, sentence, date, string.Empty, string.Empty, false));

    private static bool Kept(HashSet<string>? keep, Article article, Sentence sentence, TemporalExpression date) =>
        keep is not null && keep.Contains(Id(article, sentence, date));

    // The line that is the article's title (a text file's first line, a page's headline in its body).
    private static bool IsHeadline(Article article, TextBlock block) =>
        article.Title is { Length: > 0 } title && block.Kind == BlockKind.Paragraph && SameWithoutSpaces(block.Text, title);

    /// <summary>True when the two texts are equal once white space is left out of both (compared in place: this runs for every paragraph).</summary>
    private static bool SameWithoutSpaces(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (true)
        {
            while (i < a.Length && char.IsWhiteSpace(a[i]))
            {
                i++;
            }

            while (j < b.Length && char.IsWhiteSpace(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i++] != b[j++])
            {
                return false;
            }
        }
    }

    // The opening of the article (its first three paragraphs): where a report names what it is about.
    private static string FirstParagraph(Article article) =>
        string.Join('\n', article.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Take(3).Select(b => b.Text));

    private static string? SentenceText(IReadOnlyList<Sentence> sentences, int block, int offset) =>
        SentenceSplitter.At(sentences, block, offset)?.Text;

    /// <summary>
    /// "落地河套深圳園區不到一年的香港科學園深圳分園": a development (落地) dated only by an upper bound on the time since it
    /// happened (不到/不足/未滿 N 年, 個月). It yields an approximate range, from that long before publication to the
    /// publication month. Other durations (三年來, 一年多) say nothing this precise and stay dropped as durations.
    /// </summary>
    private static TemporalExpression? SinceDevelopment(string text, RejectedExpression rejected, PartialDate published)
    {
        if (rejected.Reason != RejectionReason.Duration || published.Month is not { } month)
        {
            return null;
        }

        var start = rejected.Start;
        var expression = rejected.Text;
        if (!EventWording.UpperBounds.Any(w => expression.StartsWith(w, StringComparison.Ordinal)))
        {
            var bound = EventWording.UpperBounds.FirstOrDefault(w => start >= w.Length && text.AsSpan(start - w.Length, w.Length).SequenceEqual(w));
            if (bound is null)
            {
                return null;
            }

            start -= bound.Length;
            expression = bound + expression;
        }

        var after = start + expression.Length;
        var clauseStart = Clause.Split(text).LastOrDefault(c => c.Start <= start).Start;
        if (after >= text.Length || text[after] != '的' || !EventWording.StatesDevelopment(text[clauseStart..start])
            || Months(expression) is not { } months)
        {
            return null;
        }

        var end = new DateOnly(published.Year, month, 1);
        var from = end.AddMonths(-months);
        return new TemporalExpression(expression, start, new PartialDate(from.Year, from.Month), new PartialDate(end.Year, end.Month),
            Relative: true, Approximate: true);
    }

    // "不到一年" → 12, "不足半年" → 6, "未滿三個月" → 3; null when the span is not a count of years or months.
    private static int? Months(string expression)
    {
        var unitAt = expression.IndexOfAny(['年', '月']);
        if (unitAt < 0)
        {
            return null;
        }

        var perUnit = expression[unitAt] == '年' ? 12 : 1;
        if (expression.Contains('半', StringComparison.Ordinal))
        {
            return perUnit / 2 is var half and > 0 ? half : null;
        }

        for (var i = 0; i < unitAt; i++)
        {
            if (Numeral.TryRead(expression, i, out var numeral) && numeral.IsValid && numeral.Value is > 0 and <= 10)
            {
                return (int)numeral.Value * perUnit;
            }
        }

        return null;
    }

    // The sentences before and after, in the same paragraph: a title may take its subject or its news from them.
    private static (string? Previous, string? Next) Neighbours(IReadOnlyList<Sentence> sentences, Sentence sentence)
    {
        string? previous = null;
        string? next = null;
        foreach (var other in sentences)
        {
            if (other.Block == sentence.Block && other.Index == sentence.Index - 1)
            {
                previous = other.Text;
            }
            else if (other.Block == sentence.Block && other.Index == sentence.Index + 1)
            {
                next = other.Text;
            }
        }

        return (previous, next);
    }

    /// <summary>
    /// Where, in a text parsed without an anchor, an expression was rejected only for the want of one: it resolves as
    /// soon as any publication date is given (去年, 今年5月, 8日), unlike an anaphor with nothing to refer to.
    /// </summary>
    private static HashSet<int> NeedingAnAnchor(string text, TemporalParse parse)
    {
        var unresolved = parse.Rejected.Where(r => r.Reason == RejectionReason.UnresolvedReference).Select(r => r.Start).ToHashSet();
        if (unresolved.Count == 0)
        {
            return unresolved;
        }

        var anchored = TemporalParser.Parse(text, AnyAnchor).Dates.Select(d => d.Start).ToHashSet();
        unresolved.IntersectWith(anchored);
        return unresolved;
    }

    private static readonly PartialDate AnyAnchor = new(2000, 6, 15);

    /// <summary>True when <paramref name="precise"/> is a more precise statement of <paramref name="coarse"/> (2025-12-11 refines 2025).</summary>
    public static bool Refines(PartialDate precise, PartialDate coarse) =>
        precise.Precision > coarse.Precision
        && precise.Year == coarse.Year
        && (coarse.Month is null || coarse.Month == precise.Month);

    private static bool IsInsideBookTitle(string sentence, int offset)
    {
        var open = sentence.LastIndexOf('《', Math.Max(0, Math.Min(offset, sentence.Length - 1)));
        if (open < 0)
        {
            return false;
        }

        var close = sentence.IndexOf('》', open);
        return close > offset;
    }

    private static DropReason Reason(RejectionReason reason) => reason switch
    {
        RejectionReason.Duration => DropReason.Duration,
        RejectionReason.Quantity => DropReason.Quantity,
        RejectionReason.TimeOfDay => DropReason.TimeOfDay,
        RejectionReason.Anniversary => DropReason.Anniversary,
        RejectionReason.InvalidDate => DropReason.InvalidDate,
        _ => DropReason.UnresolvedReference,
    };
}
