using HetaoSite.Core.Conversion;

namespace HetaoSite.Core.Tests.Conversion;

public sealed class CachingScriptConverterTests
{
    private sealed class CountingConverter : IScriptConverter
    {
        public int Calls;

        public string ToSimplified(string text)
        {
            Interlocked.Increment(ref Calls);
            return "S:" + text;
        }

        public string ToTraditional(string text)
        {
            Interlocked.Increment(ref Calls);
            return "T:" + text;
        }
    }

    [Fact]
    public void Each_distinct_text_is_converted_once_per_direction_with_the_inner_result()
    {
        var inner = new CountingConverter();
        var cached = new CachingScriptConverter(inner);

        var results = Enumerable.Range(0, 100).Select(i => (cached.ToSimplified("河套" + (i % 3)), cached.ToTraditional("河套" + (i % 3)))).ToList();

        Assert.Equal("S:河套1", cached.ToSimplified("河套1"));
        Assert.Equal("T:河套2", cached.ToTraditional("河套2"));
        Assert.Equal("", cached.ToSimplified(""));
        Assert.All(results, r => Assert.Equal(r.Item1[2..], r.Item2[2..]));
        Assert.Equal(6, inner.Calls);
    }

    [Fact]
    public void Wrap_keeps_null_and_does_not_wrap_twice()
    {
        var once = CachingScriptConverter.Wrap(new CountingConverter());

        Assert.Null(CachingScriptConverter.Wrap(null));
        Assert.Same(once, CachingScriptConverter.Wrap(once));
    }
}
