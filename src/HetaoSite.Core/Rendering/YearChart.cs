using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The numbers behind the build-time SVG overview: events per year, stacked by category, in a 480×220 view box.
/// The template draws it; nothing here is markup. Years between the first and last are shown even when empty.
/// </summary>
public static class YearChart
{
    public const double Width = 480;
    public const double Height = 220;
    public const double Left = 30;
    public const double Right = 8;
    public const double Top = 20;
    public const double Bottom = 26;

    public sealed record Segment(string Category, int Count, double Y, double Height);

    public sealed record Bar(int Year, int Total, double X, double Width, double Top, IReadOnlyList<Segment> Segments)
    {
        public double Center => X + (Width / 2);
    }

    public sealed record Tick(int Value, double Y);

    public const double Baseline = Height - Bottom;

    public sealed record Chart(IReadOnlyList<Bar> Bars, IReadOnlyList<Tick> Ticks, int Max);

    /// <param name="categoryOrder">Category ids bottom to top.</param>
    public static Chart Build(IReadOnlyList<TimelineEvent> events, IReadOnlyList<string> categoryOrder)
    {
        if (events.Count == 0)
        {
            return new Chart([], [], 0);
        }

        var first = events.Min(e => e.Date.Year);
        var last = events.Max(e => e.Date.Year);
        var counts = events.GroupBy(e => (e.Date.Year, e.Category)).ToDictionary(g => g.Key, g => g.Count());
        var totals = events.GroupBy(e => e.Date.Year).ToDictionary(g => g.Key, g => g.Count());
        var max = NiceCeiling(totals.Values.Max());
        var plot = Height - Top - Bottom;
        var scale = plot / max;
        var years = last - first + 1;
        var slot = (Width - Left - Right) / years;
        var barWidth = Math.Min(48, slot * 0.7);
        var bars = new List<Bar>(years);
        for (var i = 0; i < years; i++)
        {
            var year = first + i;
            var x = Left + (i * slot) + ((slot - barWidth) / 2);
            var stacked = 0;
            var segments = new List<Segment>();
            foreach (var category in categoryOrder)
            {
                if (counts.TryGetValue((year, category), out var count))
                {
                    var y = Height - Bottom - ((stacked + count) * scale);
                    segments.Add(new Segment(category, count, Round(y), Round(count * scale)));
                    stacked += count;
                }
            }

            var total = totals.GetValueOrDefault(year);
            bars.Add(new Bar(year, total, Round(x), Round(barWidth), Round(Height - Bottom - (total * scale)), segments));
        }

        var ticks = new List<Tick> { new(0, Height - Bottom) };
        if (max % 2 == 0)
        {
            ticks.Add(new Tick(max / 2, Round(Height - Bottom - (max / 2 * scale))));
        }

        ticks.Add(new Tick(max, Top));
        return new Chart(bars, ticks, max);
    }

    /// <summary>The smallest of 1, 2, 5 × 10ⁿ at or above <paramref name="value"/>.</summary>
    public static int NiceCeiling(int value)
    {
        var magnitude = 1;
        while (true)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                if (step * magnitude >= value)
                {
                    return step * magnitude;
                }
            }

            magnitude *= 10;
        }
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
