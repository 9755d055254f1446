using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class DateDisplayTests
{
    [Theory]
    [InlineData("2024", null, "2024年")]
    [InlineData("2024-06", null, "2024年6月")]
    [InlineData("2024-08-08", null, "2024年8月8日")]
    [InlineData("2020-01", "2020-05", "2020年1月至5月")]
    [InlineData("2020-01-03", "2020-01-05", "2020年1月3日至5日")]
    [InlineData("2020-01-30", "2020-02-02", "2020年1月30日至2月2日")]
    [InlineData("2020-11", "2021-02", "2020年11月至2021年2月")]
    [InlineData("2019", "2021", "2019年至2021年")]
    [InlineData("2024-06", "2024-06", "2024年6月")]
    public void Dates_are_written_as_precisely_as_known(string start, string? end, string expected)
    {
        var text = DateDisplay.Format(PartialDate.Parse(start), end is null ? null : PartialDate.Parse(end));
        Assert.Equal(expected, text);
    }
}
