using HetaoSite.Core;
using Xunit;

namespace HetaoSite.Core.Tests;

public class StageTimingsTests
{
    [Fact]
    public void A_stage_records_what_it_allocated_and_the_CPU_time_it_used()
    {
        var timings = new StageTimings();
        var kept = timings.Measure("allocate", () =>
        {
            var arrays = new List<byte[]>();
            for (var i = 0; i < 64; i++)
            {
                arrays.Add(new byte[256 * 1024]);
            }

            return arrays;
        });

        var stage = Assert.Single(timings.Entries);
        Assert.Equal("allocate", stage.Name);
        Assert.True(stage.Allocated >= 64L * 256 * 1024, $"expected at least {64 * 256 * 1024} bytes allocated, got {stage.Allocated}");
        Assert.True(stage.Cpu >= TimeSpan.Zero, $"expected a CPU time, got {stage.Cpu}");
        Assert.Equal(64, kept.Count);
        Assert.Matches(@"^allocate \d+\.\d\d s \d+ MB$", timings.CpuAndAllocations());
    }

    [Fact]
    public void A_stage_that_throws_is_still_recorded()
    {
        var timings = new StageTimings();

        Assert.Throws<InvalidOperationException>(() => timings.Measure<int>("fails", () => throw new InvalidOperationException()));

        Assert.Equal("fails", Assert.Single(timings.Entries).Name);
    }
}
