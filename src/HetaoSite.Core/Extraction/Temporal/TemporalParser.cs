using System.Buffers;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Extraction.Temporal.CharInfo;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// Finds and resolves date expressions in Chinese (Traditional or Simplified) and English text against an anchor,
/// the article's publication date. One left-to-right pass with bounded lookahead: linear in the text, no regex.
/// The grammar, with the precision and flags of each form, is in docs/dates.md.
/// </summary>
/// <example>
/// Anchor 2024-08-09:
/// <code>
/// Parse("去年9月，河套深圳園區發布首單試點業務。同月，…", anchor)
///   → 去年9月 = 2023-09 (relative), 同月 = 2023-09 (relative)
/// Parse("2020年1至5月，河口水質達標，為1982年有…", anchor)
///   → 2020年1至5月 = 2020-01..2020-05, 1982年 = 1982
/// Parse("歷時三年", anchor) → no date, rejected 三年 (Duration)
/// </code>
/// </example>
public static class TemporalParser
{
    /// <summary>
    /// Parses <paramref name="text"/>; throws only <see cref="OperationCanceledException"/>, when <paramref name="cancellation"/>
    /// (checked at every place the scanner stops) is cancelled. Offsets in the result are offsets into <paramref name="text"/>.
    /// </summary>
    public static TemporalParse Parse(string text, PartialDate anchor, CancellationToken cancellation = default) =>
        Parse(text, anchor, [], cancellation);

    /// <summary>
    /// Parses <paramref name="text"/> as a passage of a longer text: an anaphor (同日, 當天, that day, 同月, 同年…) with
    /// no date before it in <paramref name="text"/> refers to the latest of <paramref name="earlier"/> (dates told
    /// before the passage, oldest first) that is precise enough for it — a day for 同日, a month for 同月.
    /// </summary>
    public static TemporalParse Parse(string text, PartialDate anchor, IReadOnlyList<PartialDate> earlier, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(text))
        {
            return TemporalParse.Empty;
        }

        var scanner = new Scanner(text, anchor.Year >= 1 ? anchor : null, earlier, cancellation);
        scanner.Run();
        if (scanner.FoundNothing)
        {
            return TemporalParse.Empty;
        }

        DayInBrackets(text, scanner.Dates, scanner.Rejected);
        return scanner.Dates.Count == 0 && scanner.Rejected.Count == 0
            ? TemporalParse.Empty
            : new TemporalParse(scanner.Dates, scanner.Rejected);
    }

    /// <summary>
    /// "上周三（24日）", "昨日（6日）": a relative day with the day of the month in brackets right after it is one
    /// expression, and the day number wins. The two must agree — the same weekday, at most a week apart — or the
    /// expression is rejected as an invalid date.
    /// </summary>
    private static void DayInBrackets(string text, List<TemporalExpression> dates, List<RejectedExpression> rejected)
    {
        for (var i = dates.Count - 2; i >= 0; i--)
        {
            var (told, day) = (dates[i], dates[i + 1]);
            var open = told.Start + told.Length;
            var close = day.Start + day.Length;
            if (!told.Relative || told.End is not null || told.Date.Precision != DatePrecision.Day || day.Date.Precision != DatePrecision.Day
                || day.Start != open + 1 || At(text, open) is not ('（' or '(') || At(text, close) is not ('）' or ')')
                || !IsDigit(day.Text[0]))
            {
                continue;
            }

            var expression = text[told.Start..(close + 1)];
            var apart = Math.Abs(day.Date.FirstDay.DayNumber - told.Date.FirstDay.DayNumber);
            dates.RemoveAt(i + 1);
            if (apart % 7 == 0 && apart <= 7)
            {
                dates[i] = told with { Text = expression, Date = day.Date };
            }
            else
            {
                dates.RemoveAt(i);
                rejected.Add(new RejectedExpression(expression, told.Start, RejectionReason.InvalidDate));
            }
        }
    }

    /// <summary>
    /// Every character at which <see cref="Scanner.Run"/> does more than step over it: sentence ends, digits, letters
    /// (half- and full-width), Chinese numerals and the first characters of Chinese date words.
    /// </summary>
    private static readonly SearchValues<char> ScanStops = SearchValues.Create(
        "。！？!?；;\n\r." + "0123456789０１２３４５６７８９" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        + "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
        + "〇○零一二两兩三四五六七八九十百千万萬" + ChineseKeywordIndex.FirstCharacters);

    private sealed class Scanner(string text, PartialDate? anchor, IReadOnlyList<PartialDate> earlier, CancellationToken cancellation)
    {
        private int _sentenceStart;
        private int _plannedSentenceStart = -1;
        private bool _planned;

        // Made on the first date or rejection: most passages have neither.
        private List<TemporalExpression>? _dates;
        private List<RejectedExpression>? _rejected;

        public List<TemporalExpression> Dates => _dates ??= [];

        public List<RejectedExpression> Rejected => _rejected ??= [];

        public bool FoundNothing => _dates is null && _rejected is null;

        public void Run()
        {
            var i = 0;
            while (i < text.Length)
            {
                cancellation.ThrowIfCancellationRequested();
                var c = text[i];
                if (IsSentenceEnd(text, i))
                {
                    _sentenceStart = i + 1;
                    i++;
                }
                else if (IsDigit(c))
                {
                    i = AtDigit(i);
                }
                else if (IsAsciiLetter(c))
                {
                    i = AtLetter(i);
                }
                else if (IsHanziNumeral(c) || ChineseKeywordIndex.CanStart(text, i))
                {
                    i = Math.Max(i + 1, Emit(ChineseDateReader.Read(text, i)) ?? SkipNumeralRun(i));
                }
                else
                {
                    // Most characters start nothing: jump to the next one that can (a vectorised search).
                    var next = text.AsSpan(i + 1).IndexOfAny(ScanStops);
                    i = next < 0 ? text.Length : i + 1 + next;
                }
            }
        }

        private int AtDigit(int i)
        {
            var previous = At(text, i - 1);
            var runEnd = i;
            while (runEnd < text.Length && (IsDigit(text[runEnd]) || IsAsciiLetter(text[runEnd])))
            {
                runEnd++;
            }

            // AI4S, L4級, v2.0.1, the 35 of 1.35: not the start of a number.
            if (IsAsciiLetter(previous) || (previous is '.' or '．' && IsDigit(At(text, i - 2))) || previous is '_' or '#')
            {
                return runEnd;
            }

            var hit = EnglishDateReader.ReadDayFirst(text, i)
                ?? NumericDateReader.Read(text, i)
                ?? ChineseDateReader.Read(text, i)
                ?? NumericDateReader.ReadPair(text, i);
            if (Emit(hit) is { } next)
            {
                return next;
            }

            Numeral.TryRead(text, i, out var number);
            if (number.Digits == 4 && number.Value is >= 1900 and <= 2099 && !IsAsciiLetter(At(text, number.End))
                && At(text, SkipSpaces(text, number.End)) != '年')
            {
                // 2025家, 2022 琴珠澳…峰會: a year-like number with no 年 is not read as a year (docs/dates.md).
                Rejected.Add(new RejectedExpression(text[i..number.End], i, RejectionReason.Quantity));
            }

            return Math.Max(number.End, i + 1);
        }

        private int AtLetter(int i)
        {
            var end = i;
            while (end < text.Length && IsAsciiLetter(text[end]))
            {
                end++;
            }

            if (IsAsciiLetter(At(text, i - 1)) || IsDigit(At(text, i - 1)))
            {
                return end;
            }

            return Emit(EnglishDateReader.Read(text, i)) ?? end;
        }

        private int SkipNumeralRun(int i)
        {
            var end = i;
            while (end < text.Length && IsHanziNumeral(text[end]))
            {
                end++;
            }

            return Math.Max(end, i + 1);
        }

        /// <summary>Resolves and records a hit; returns where scanning continues, or null when there was none.</summary>
        private int? Emit(Hit? hit)
        {
            if (hit is null)
            {
                return null;
            }

            if (hit.Rejection is { } reason)
            {
                Rejected.Add(new RejectedExpression(text[hit.Start..hit.End], hit.Start, reason));
                return hit.End;
            }

            if (hit.Spec is null)
            {
                return hit.End;
            }

            var context = Context(hit.Spec);
            var failure = DateResolver.Resolve(hit.Spec, context, out var start);
            if (failure is { } startFailure)
            {
                var failEnd = hit.EndSpec is not null && hit.FirstEnd > hit.Start ? hit.FirstEnd : hit.End;
                Rejected.Add(new RejectedExpression(text[hit.Start..failEnd], hit.Start, startFailure));
                return failEnd;
            }

            var end = start.End;
            var relative = start.Relative;
            if (hit.EndSpec is not null)
            {
                var endFailure = DateResolver.ResolveEnd(hit.EndSpec, start.End ?? start.Date, context, out var last);
                if (endFailure is not null || last.Date.FirstDay < start.Date.FirstDay)
                {
                    // Not a range after all (2021年至2019年): keep the first half, rescan the rest.
                    if (hit.FirstEnd <= hit.Start)
                    {
                        return null;
                    }

                    Add(hit.Start, hit.FirstEnd, hit.Spec, start.Date, start.End, relative);
                    return hit.FirstEnd;
                }

                end = last.Date;
                relative |= last.Relative;
            }

            Add(hit.Start, hit.End, hit.Spec, start.Date, end, relative, hit.EndSpec?.Approximate ?? false);
            return hit.End;
        }

        private void Add(int start, int end, DateSpec spec, PartialDate date, PartialDate? last, bool relative, bool endApproximate = false) =>
            Dates.Add(new TemporalExpression(text[start..end], start, date, last, relative, spec.Approximate || endApproximate));

        private ResolutionContext Context(DateSpec spec)
        {
            var previous = _dates is { Count: > 0 } dates ? dates[^1] : null;
            var antecedent = previous is null ? Earlier(spec) : previous.End ?? previous.Date;
            var sentenceDate = previous is not null && previous.Start >= _sentenceStart ? antecedent : null;
            return new ResolutionContext(anchor, antecedent, sentenceDate, SentenceIsPlanned());
        }

        // The date told before the passage that an anaphor of this spec refers to: the latest one with a day for 同日,
        // with a month for 同月, any for 同年; null when the spec is no anaphor or none is precise enough.
        private PartialDate? Earlier(DateSpec spec)
        {
            var needs = spec.Day.Source == FieldSource.Anaphor ? DatePrecision.Day
                : spec.Month.Source == FieldSource.Anaphor ? DatePrecision.Month
                : spec.Year.Source == FieldSource.Anaphor ? DatePrecision.Year
                : (DatePrecision?)null;
            for (var i = earlier.Count - 1; needs is not null && i >= 0; i--)
            {
                if (earlier[i].Precision >= needs)
                {
                    return earlier[i];
                }
            }

            return null;
        }

        /// <summary>Whether the current sentence states a plan (將於, 計劃, 預計, will…); computed once per sentence.</summary>
        private bool SentenceIsPlanned()
        {
            if (_plannedSentenceStart != _sentenceStart)
            {
                var end = _sentenceStart;
                while (end < text.Length && !IsSentenceEnd(text, end))
                {
                    end++;
                }

                var sentence = text.AsSpan(_sentenceStart, end - _sentenceStart);
                _planned = false;
                foreach (var marker in ChineseKeywords.PlanMarkers)
                {
                    if (sentence.Contains(marker, StringComparison.Ordinal))
                    {
                        _planned = true;
                        break;
                    }
                }

                _plannedSentenceStart = _sentenceStart;
            }

            return _planned;
        }
    }
}
