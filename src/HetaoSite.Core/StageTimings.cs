using System.Diagnostics;
using System.Globalization;

namespace HetaoSite.Core;

/// <summary>
/// Wall-clock time per pipeline stage, for <c>hetao build --verbose</c> and the benchmark. Timings are only reported,
/// never used to decide anything, so they cannot make two builds differ.
/// </summary>
public sealed class StageTimings
{
    private readonly List<(string Name, TimeSpan Elapsed)> _entries = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<(string Name, TimeSpan Elapsed)> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> and records how long it took under <paramref name="name"/>.</summary>
    public T Measure<T>(string name, Func<T> work)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            Add(name, stopwatch.Elapsed);
        }
    }

    public void Add(string name, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _entries.Add((name, elapsed));
        }
    }

    /// <summary>"process articles 1.21 s, merge 0.10 s, render 3.40 s".</summary>
    public override string ToString() => string.Join(", ",
        Entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Name} {e.Elapsed.TotalSeconds:0.00} s")));
}
