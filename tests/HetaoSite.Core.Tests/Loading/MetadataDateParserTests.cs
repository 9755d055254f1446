using HetaoSite.Core.Loading;

namespace HetaoSite.Core.Tests.Loading;

public sealed class MetadataDateParserTests
{
    [Theory]
    [InlineData("2024-08-09", "2024-08-09")]
    [InlineData("2024-08-09T09:31:00+08:00", "2024-08-09")]
    [InlineData("2024-08-09T23:59:00-05:00", "2024-08-09")]
    [InlineData("2024-08-09 09:31", "2024-08-09")]
    [InlineData("2024-08", "2024-08")]
    [InlineData("2024", "2024")]
    [InlineData("2024/8/9", "2024-08-09")]
    [InlineData("2024年8月9日", "2024-08-09")]
    [InlineData("２０２４-０８-０９", "2024-08-09")]
    [InlineData("Tue, 06 Sep 2022 19:11:00 GMT", "2022-09-06")]
    [InlineData("Tue, 06 Sep 2022 23:59:59 +0000", "2022-09-06")]
    [InlineData("6 September 2022", "2022-09-06")]
    public void Dates_are_read_as_written(string text, string expected)
    {
        Assert.True(MetadataDateParser.TryParse(text, out var date), $"expected '{text}' to parse");
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("2024-13-45")]
    [InlineData("2023-02-29")]
    [InlineData("yesterday")]
    [InlineData("Tue, 32 Sep 2022 19:11:00 GMT")]
    [InlineData("")]
    [InlineData("24-08-09")]
    public void Impossible_or_unreadable_dates_are_refused(string text) =>
        Assert.False(MetadataDateParser.TryParse(text, out var date), $"expected '{text}' to be refused, got {date}");
}
