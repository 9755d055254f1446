using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Model;
using Xunit;

namespace HetaoSite.Core.Tests.Extraction.Temporal;

public sealed class TemporalParserPropertyTests
{
    /// <summary>Characters that exercise the grammar: digits (ASCII, full-width), Chinese numerals, date words, separators.</summary>
    private static readonly char[] Alphabet =
        "0123456789０１２３４５６７８９〇○零一二两兩三四五六七八九十百千万年月日號号天前後后今去明本上下同當当次翌該近期初底末中半季度第个個周週星期至到从從自和之间間-—–~/.:： ，。（）()《》JanuaryMay in on Tuesday的是在家億元%".ToCharArray();

    private static readonly Arbitrary<string> DateLikeText =
        Gen.Elements(Alphabet).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    private static readonly Arbitrary<PartialDate> Anchors =
        Gen.OneOf(
            Gen.Choose(1, 9999).Select(y => new PartialDate(y)),
            Gen.Choose(1, 9999).Zip(Gen.Choose(1, 12), (y, m) => new PartialDate(y, m)),
            Gen.Choose(1, 9999).Zip(Gen.Choose(1, 12), (y, m) => new PartialDate(y, m, 1 + ((y + m) % 28)))).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Parse_never_throws_and_spans_are_exact_on_date_like_text() =>
        Prop.ForAll(DateLikeText, Anchors, (text, anchor) => Check(text, anchor));

    [Property(MaxTest = 300)]
    public bool Parse_never_throws_on_arbitrary_strings(string? text, int year, int month, int day)
    {
        var anchor = new PartialDate(1 + Math.Abs(year % 9999), 1 + Math.Abs(month % 12), 1 + Math.Abs(day % 28));
        return Check(text ?? "", anchor);
    }

    [Fact]
    public void Parse_accepts_a_default_anchor_and_resolves_only_absolute_dates()
    {
        var parse = TemporalParser.Parse("2019年3月5日。去年。8日", default);

        Assert.Equal(["2019-03-05"], parse.Dates.Select(d => d.Date.ToString()));
        Assert.Equal([RejectionReason.UnresolvedReference, RejectionReason.UnresolvedReference], parse.Rejected.Select(r => r.Reason));
    }

    [Fact]
    public void Dates_at_the_calendar_edges_stay_in_range()
    {
        var parse = TemporalParser.Parse("明年，次年，下個月，明天", new PartialDate(9999, 12, 31));

        Assert.All(parse.Dates, d => Assert.InRange(d.Date.Year, 1, 9999));
        Assert.Equal(4, parse.Rejected.Count);
    }

    [Fact]
    public void A_paragraph_with_5000_dates_finds_every_one()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            text.Append("2019年3月5日，去年9月至今年3月，同月，8日，二〇二三年八月二十九日。");
        }

        var parse = TemporalParser.Parse(text.ToString(), new PartialDate(2024, 8, 9));

        Assert.Equal(5000, parse.Dates.Count);
    }

    [Theory]
    [InlineData('1')]
    [InlineData('一')]
    [InlineData('年')]
    [InlineData('-')]
    [InlineData('从')]
    [InlineData('第')]
    public void Long_runs_of_one_character_still_find_the_date_after_them(char c)
    {
        var text = new string(c, 200_000) + "。2019年";
        var parse = TemporalParser.Parse(text, new PartialDate(2024, 8, 9));

        Assert.Contains(parse.Dates, d => d.Date == new PartialDate(2019));
    }

    private static bool Check(string text, PartialDate anchor)
    {
        var parse = TemporalParser.Parse(text, anchor);
        foreach (var date in parse.Dates)
        {
            var inside = date.Start >= 0 && date.Start + date.Length <= text.Length && date.Length > 0;
            if (!inside || text.Substring(date.Start, date.Length) != date.Text)
            {
                throw new InvalidOperationException($"span {date.Start}+{date.Length} '{date.Text}' does not match the text '{text}'");
            }

            if (date.Date.Year is < 1 or > 9999 || (date.End is { } end && end.FirstDay < date.Date.FirstDay))
            {
                throw new InvalidOperationException($"'{date.Text}' in '{text}' resolved to {date.Date}..{date.End}");
            }
        }

        foreach (var rejected in parse.Rejected)
        {
            if (rejected.Start < 0 || rejected.Start + rejected.Text.Length > text.Length
                || text.Substring(rejected.Start, rejected.Text.Length) != rejected.Text)
            {
                throw new InvalidOperationException($"rejected span {rejected.Start} '{rejected.Text}' does not match '{text}'");
            }
        }

        var starts = parse.Dates.Select(d => d.Start).ToList();
        if (!starts.SequenceEqual(starts.Order()))
        {
            throw new InvalidOperationException($"dates out of order in '{text}'");
        }

        return true;
    }
}
