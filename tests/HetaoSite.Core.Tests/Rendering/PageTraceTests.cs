using HetaoSite.Core.Rendering;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>What <see cref="TracedObject"/> notes in a <see cref="PageTrace"/>, and what noting costs.</summary>
public sealed class PageTraceTests
{
    private static TracedObject Globals() => new(new ScriptObject
    {
        ["site"] = new ScriptObject { ["title"] = "河套", ["lang"] = "zh-Hant" },
        ["categories"] = new ScriptArray { "policy" },
    });

    [Fact]
    public void A_trace_names_the_members_read_and_the_ones_looked_up_but_absent()
    {
        var globals = Globals();
        using var trace = new PageTrace();
        using (trace.Begin())
        {
            var site = (ScriptObject)globals["site"]!;
            _ = site["title"];
            site.TryGetValue(null, default, "missing", out _);
            _ = globals["categories"];
        }

        string[] expected = ["categories", "site\u001fmissing", "site\u001ftitle"];
        Assert.Equal(expected, trace.Paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cached_partials_reads_merge_into_the_page_that_shows_it()
    {
        var globals = Globals();
        PageTrace.Reads partial;
        using (var inner = new PageTrace())
        {
            using (inner.Begin())
            {
                _ = ((ScriptObject)globals["site"]!)["lang"];
            }

            partial = inner.Freeze();
        }

        using var page = new PageTrace();
        page.Merge(partial);
        Assert.Equal(["site\u001flang"], page.Paths);
    }

    [Fact]
    public void Noting_a_read_allocates_nothing_once_the_threads_set_has_grown()
    {
        var globals = Globals();
        var site = (ScriptObject)globals["site"]!;
        long Allocated(int pages)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < pages; i++)
            {
                using var trace = new PageTrace();
                using (trace.Begin())
                {
                    for (var read = 0; read < 100; read++)
                    {
                        site.TryGetValue(null, default, "title", out _);
                        site.TryGetValue(null, default, "absent", out _);
                        globals.TryGetValue(null, default, "categories", out _);
                    }
                }
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(1);
        var bytes = Allocated(100);
        // Each page allocates only its PageTrace object (a few dozen bytes): no text, no set per page or per read.
        Assert.True(bytes < 100 * 64, $"expected 100 traced pages of 300 reads each to allocate under {100 * 64} bytes, got {bytes}");
    }

    [Fact]
    public void A_new_trace_starts_empty_on_its_threads_reused_set_and_reads_outside_a_trace_are_not_noted()
    {
        var globals = Globals();
        using (var first = new PageTrace())
        {
            using (first.Begin())
            {
                _ = ((ScriptObject)globals["site"]!)["title"];
            }

            Assert.Single(first.Paths);
        }

        _ = ((ScriptObject)globals["site"]!)["lang"];
        using var next = new PageTrace();
        Assert.Empty(next.Paths);
    }
}
