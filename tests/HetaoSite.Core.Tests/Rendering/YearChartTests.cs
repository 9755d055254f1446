using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class YearChartTests
{
    private static TimelineEvent E(int year, string category) =>
        new($"{year}-{category}-{Guid.NewGuid():N}", new PartialDate(year), null, "t", category, false, false, []);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(150, 200)]
    public void Nice_ceiling_is_1_2_or_5_times_a_power_of_ten(int value, int expected) =>
        Assert.Equal(expected, YearChart.NiceCeiling(value));

    [Fact]
    public void Bars_cover_every_year_between_first_and_last_and_stack_to_the_total()
    {
        var events = new[] { E(2017, "a"), E(2017, "b"), E(2017, "b"), E(2020, "a") };
        var chart = YearChart.Build(events, ["a", "b"]);

        Assert.Equal([2017, 2018, 2019, 2020], chart.Bars.Select(b => b.Year));
        Assert.Equal([3, 0, 0, 1], chart.Bars.Select(b => b.Total));
        Assert.Equal(5, chart.Max);
        var first = chart.Bars[0];
        Assert.Equal(["a", "b"], first.Segments.Select(s => s.Category));
        // Segments stack upwards from the baseline without gaps, and their heights add up to the bar.
        Assert.Equal(YearChart.Baseline, first.Segments[0].Y + first.Segments[0].Height, 1);
        Assert.Equal(first.Segments[0].Y, first.Segments[1].Y + first.Segments[1].Height, 1);
        Assert.Equal(first.Top, first.Segments[1].Y, 1);
        var plot = YearChart.Baseline - YearChart.Top;
        Assert.Equal(plot * 3 / 5, first.Segments.Sum(s => s.Height), 1);
        Assert.Empty(chart.Bars[1].Segments);
    }

    [Fact]
    public void Bars_stay_inside_the_view_box()
    {
        var events = Enumerable.Range(2017, 9).SelectMany(y => Enumerable.Repeat(y, y - 2015)).Select(y => E(y, "a")).ToList();
        var chart = YearChart.Build(events, ["a"]);
        Assert.All(chart.Bars, b =>
        {
            Assert.InRange(b.X, YearChart.Left, YearChart.Width - YearChart.Right);
            Assert.InRange(b.X + b.Width, YearChart.Left, YearChart.Width - YearChart.Right);
            Assert.InRange(b.Top, YearChart.Top, YearChart.Baseline);
        });
    }

    [Fact]
    public void No_events_no_bars() => Assert.Empty(YearChart.Build([], ["a"]).Bars);
}
