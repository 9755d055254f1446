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
    public static TemporalParse Parse(string text, PartialDate anchor, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(text))
        {
            return TemporalParse.Empty;
        }

        var scanner = new Scanner(text, anchor.Year >= 1 ? anchor : null, cancellation);
        scanner.Run();
        return scanner.Dates.Count == 0 && scanner.Rejected.Count == 0
            ? TemporalParse.Empty
            : new TemporalParse(scanner.Dates, scanner.Rejected);
    }

    /// <summary>
    /// Every character at which <see cref="Scanner.Run"/> does more than step over it: sentence ends, digits, letters
    /// (half- and full-width), Chinese numerals and the first characters of Chinese date words.
    /// </summary>
    private static readonly SearchValues<char> ScanStops = SearchValues.Create(
        "。！？!?；;\n\r." + "0123456789０１２３４５６７８９" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        + "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
        + "〇○零一二两兩三四五六七八九十百千万萬" + ChineseKeywordIndex.FirstCharacters);

    private sealed class Scanner(string text, PartialDate? anchor, CancellationToken cancellation)
    {
        private int _sentenceStart;
        private int _plannedSentenceStart = -1;
        private bool _planned;

        public List<TemporalExpression> Dates { get; } = [];

        public List<RejectedExpression> Rejected { get; } = [];

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

            var context = Context();
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

        private ResolutionContext Context()
        {
            var previous = Dates.Count > 0 ? Dates[^1] : null;
            var antecedent = previous is null ? (PartialDate?)null : previous.End ?? previous.Date;
            var sentenceDate = previous is not null && previous.Start >= _sentenceStart ? antecedent : null;
            return new ResolutionContext(anchor, antecedent, sentenceDate, SentenceIsPlanned());
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
