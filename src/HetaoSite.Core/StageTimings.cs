using System.Diagnostics;
using System.Globalization;

namespace HetaoSite.Core;

/// <summary>
/// Time per pipeline stage, for <c>hetao build --verbose</c> and the benchmark: the wall-clock time, the CPU time of
/// the whole process meanwhile (every thread, the garbage collector's included) and the bytes allocated. On a machine
/// shared with other work the wall-clock time varies from run to run; the CPU time and the allocations much less.
/// Timings are only reported, never used to decide anything, so they cannot make two builds differ.
/// </summary>
public sealed class StageTimings
{
    private readonly List<Stage> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>One measured stage. Stages may nest (<c>render</c> holds <c>render: pages</c>), so they do not add up.</summary>
    public readonly record struct Stage(string Name, TimeSpan Elapsed, TimeSpan Cpu, long Allocated);

    public IReadOnlyList<Stage> Entries
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
        var cpu = Environment.CpuUsage.TotalTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        try
        {
            return work();
        }
        finally
        {
            Add(new Stage(name, stopwatch.Elapsed, Environment.CpuUsage.TotalTime - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated));
        }
    }

    public void Add(Stage stage)
    {
        lock (_lock)
        {
            _entries.Add(stage);
        }
    }

    /// <summary>"process articles 1.21 s, merge 0.10 s, render 3.40 s".</summary>
    public override string ToString() => string.Join(", ",
        Entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Name} {e.Elapsed.TotalSeconds:0.00} s")));

    /// <summary>"process articles 2.10 s 812 MB, merge 0.12 s 40 MB": CPU time and allocations of each stage.</summary>
    public string CpuAndAllocations() => string.Join(", ",
        Entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Name} {e.Cpu.TotalSeconds:0.00} s {e.Allocated / 1_000_000.0:0} MB")));
}
