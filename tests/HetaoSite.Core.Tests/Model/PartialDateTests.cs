using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Model;

public class PartialDateTests
{
    [Theory]
    [InlineData("2024", DatePrecision.Year)]
    [InlineData("2024-06", DatePrecision.Month)]
    [InlineData("2024-06-30", DatePrecision.Day)]
    public void Parses_each_precision_and_writes_it_back(string text, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date), $"expected '{text}' to parse");
        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-45")]
    [InlineData("24-01")]
    [InlineData("2024/01/01")]
    [InlineData("")]
    [InlineData("abcd")]
    public void Rejects_dates_that_do_not_exist_or_are_malformed(string text) =>
        Assert.False(PartialDate.TryParse(text, out _), $"expected '{text}' to be rejected");

    [Fact]
    public void Orders_by_first_day_then_coarser_precision_first()
    {
        var dates = new[] { PartialDate.Parse("2024-01-01"), PartialDate.Parse("2024-01"), PartialDate.Parse("2023-12-31"), PartialDate.Parse("2024") };
        var sorted = dates.Order().Select(d => d.ToString()).ToArray();
        Assert.Equal(["2023-12-31", "2024", "2024-01", "2024-01-01"], sorted);
    }

    [Fact]
    public void Spans_cover_the_whole_month_or_year()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), PartialDate.Parse("2024-02").LastDay);
        Assert.Equal(new DateOnly(2023, 12, 31), PartialDate.Parse("2023").LastDay);
        Assert.Equal(new DateOnly(2023, 1, 1), PartialDate.Parse("2023").FirstDay);
    }
}
