using System.Globalization;

namespace HetaoSite.Cli;

/// <summary>The build date from <c>SOURCE_DATE_EPOCH</c> (reproducible builds), or null to let the site choose.</summary>
public static class BuildDates
{
    public static DateOnly? FromEnvironment()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        }

        return null;
    }
}
