using System.Buffers;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Finds the dated statements of one article: every date expression in its text, resolved against the publication date,
/// kept as an event candidate with its sentence — or dropped with a reason (caption, byline, out of window, duration,
/// figure, duplicate…) that the build report shows.
/// </summary>
public static class EventExtractor
{
    private static readonly SearchValues<string> FigureMarkers = SearchValues.Create(["截至", "截止", "累計", "累计", "共計", "共计"], StringComparison.Ordinal);

    public static StageResult<ArticleExtraction> Extract(Article article, SiteConfig config)
    {
        var diagnostics = new List<Diagnostic>();
        var sentences = SentenceSplitter.Split(article.Blocks);
        var statements = new List<DatedStatement>();
        var figures = new List<KeyFigure>();
        var dropped = new List<DroppedDate>();
        var found = 0;

        foreach (var byline in article.Bylines)
        {
            var parse = TemporalParser.Parse(byline.Text, article.Published);
            found += parse.Dates.Count;
            dropped.AddRange(parse.Dates.Select(d => new DroppedDate(d.Text, DropReason.Byline, -1, byline.Text)));
        }

        for (var b = 0; b < article.Blocks.Count; b++)
        {
            var block = article.Blocks[b];
            var parse = TemporalParser.Parse(block.Text, article.Published);
            found += parse.Dates.Count + parse.Rejected.Count;
            dropped.AddRange(parse.Rejected.Select(r => new DroppedDate(r.Text, Reason(r.Reason), b)));
            if (found > config.Limits.MaxDatesPerArticle)
            {
                diagnostics.Add(Diagnostic.Error("HS0141", $"more than {config.Limits.MaxDatesPerArticle} date expressions in one article",
                    article.FileName, block.Line, "split the article, or raise limits.max_dates_per_article in site-config.yml"));
                return new StageResult<ArticleExtraction>(new ArticleExtraction(article, sentences, [], [], dropped, found), diagnostics);
            }

            if (block.Kind is BlockKind.Caption or BlockKind.Heading)
            {
                var reason = block.Kind == BlockKind.Caption ? DropReason.Caption : DropReason.NotAnEvent;
                dropped.AddRange(parse.Dates.Select(d => new DroppedDate(d.Text, reason, b, block.Kind == BlockKind.Heading ? "heading" : null)));
                continue;
            }

            foreach (var group in parse.Dates.GroupBy(d => SentenceSplitter.At(sentences, b, d.Start)))
            {
                if (group.Key is not { } sentence)
                {
                    continue;
                }

                var kept = new List<TemporalExpression>();
                foreach (var date in group)
                {
                    var offset = date.Start - sentence.Offset;
                    if (IsInsideBookTitle(sentence.Text, offset))
                    {
                        dropped.Add(new DroppedDate(date.Text, DropReason.NotAnEvent, b, "inside a title 《…》"));
                    }
                    else if (!config.Window.Contains(date.Date) && !(date.End is { } end && config.Window.Contains(end)))
                    {
                        dropped.Add(new DroppedDate(date.Text, DropReason.OutOfWindow, b, date.Date.ToString()));
                    }
                    else if (IsFigure(sentence.Text, offset))
                    {
                        dropped.Add(new DroppedDate(date.Text, DropReason.Figure, b));
                        figures.Add(new KeyFigure(date.Date, date.Text, sentence.Text, article.FileName, article.Id, sentence.Anchor));
                    }
                    else
                    {
                        kept.Add(date);
                    }
                }

                foreach (var date in kept)
                {
                    // "12月11日,2025年度河套創新論壇…": the year only repeats what the day already says.
                    if (kept.Any(other => !ReferenceEquals(other, date) && Refines(other.Date, date.Date)))
                    {
                        dropped.Add(new DroppedDate(date.Text, DropReason.Duplicate, b, "a more precise date in the same sentence"));
                        continue;
                    }

                    var statement = ToStatement(article, sentence, date, config);
                    if (statements.Any(s => s.Expression.Date == statement.Expression.Date && s.Title == statement.Title))
                    {
                        dropped.Add(new DroppedDate(date.Text, DropReason.Duplicate, b, "stated twice in this article"));
                        continue;
                    }

                    statements.Add(statement);
                }
            }
        }

        var extraction = new ArticleExtraction(article, sentences, statements, figures, dropped, found);
        return new StageResult<ArticleExtraction>(extraction, diagnostics);
    }

    private static DatedStatement ToStatement(Article article, Sentence sentence, TemporalExpression date, SiteConfig config)
    {
        var offset = date.Start - sentence.Offset;
        var title = EventTitles.From(sentence.Text, offset, date.Length);
        var clause = Clause.Split(sentence.Text).LastOrDefault(c => c.Start <= offset).Text ?? sentence.Text;
        var planned = date.Date.FirstDay > article.Published.LastDay || PlannedWording.IsPlanned(clause) || PlannedWording.IsPlanned(title);
        var category = CategoryClassifier.Classify(title, sentence.Text, config.Categories);
        return new DatedStatement(article.Id, article.FileName, sentence, date, title, category, planned);
    }

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

    private static bool IsFigure(string sentence, int offset)
    {
        var clause = Clause.Split(sentence).LastOrDefault(c => c.Start <= offset);
        var text = clause.Text ?? sentence;
        return text.AsSpan().ContainsAny(FigureMarkers);
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
