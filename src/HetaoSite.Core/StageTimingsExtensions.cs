namespace HetaoSite.Core;

/// <summary>Null-safe helpers, so stages can time themselves only when someone asked.</summary>
public static class StageTimingsExtensions
{
    public static T Time<T>(this StageTimings? timings, string name, Func<T> work) =>
        timings is null ? work() : timings.Measure(name, work);
}
