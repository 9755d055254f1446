using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Model;
using Xunit;

namespace HetaoSite.Core.Tests.Extraction.Temporal;

/// <summary>The year-end rule for year-less dates (docs/dates.md, Specs/dates/year-end.md) at its boundaries.</summary>
public sealed class YearEndRuleTests
{
    [Theory]
    [InlineData("2026-02-15", "11月20日，園區舉行簽約儀式。", "2025-11-20")] // 87 days before the anchor: previous year
    [InlineData("2026-02-15", "11月10日，園區舉行簽約儀式。", "2026-11-10")] // 97 days before: too far, anchor's year
    [InlineData("2026-01-20", "2月20日，園區舉行簽約儀式。", "2026-02-20")] // 31 days after: within tolerance
    [InlineData("2026-01-20", "12月20日，園區舉行簽約儀式。", "2025-12-20")]
    [InlineData("2026-01-20", "12月20日，園區將舉行簽約儀式。", "2026-12-20")] // planned
    [InlineData("2026-01-20", "12月20日，園區計劃舉行簽約儀式。", "2026-12-20")]
    [InlineData("2026-01-20", "12月，園區舉行簽約儀式。", "2025-12")]
    public void A_year_less_date_takes_the_previous_year_only_near_the_year_end(string anchor, string text, string expected)
    {
        Assert.True(PartialDate.TryParse(anchor, out var reference));

        var parse = TemporalParser.Parse(text, reference);

        var date = Assert.Single(parse.Dates);
        Assert.Equal(expected, date.Date.ToString());
    }

    [Fact]
    public void Resolved_dates_stay_within_a_quarter_before_or_the_anchors_year_after()
    {
        for (var anchorDay = new DateOnly(2025, 1, 1); anchorDay.Year == 2025; anchorDay = anchorDay.AddDays(5))
        {
            var anchor = PartialDate.FromDate(anchorDay);
            for (var month = 1; month <= 12; month++)
            {
                var parse = TemporalParser.Parse($"{month}月15日，園區舉行活動。", anchor);

                var date = Assert.Single(parse.Dates).Date.FirstDay;
                var inAnchorYear = date.Year == 2025;
                var recentPast = date.Year == 2024 && anchorDay.DayNumber - date.DayNumber is > 0 and <= 92
                    && new DateOnly(2025, month, 15).DayNumber - anchorDay.DayNumber > 31;
                Assert.True(inAnchorYear || recentPast, $"anchor {anchor}, {month}月15日 resolved to {date}");
            }
        }
    }
}
