using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Conversion;

public sealed class CachingScriptConverterTests
{
    private sealed class CountingConverter : IScriptConverter
    {
        public int Calls;
        public List<IReadOnlyList<string>> Batches { get; } = [];

        public IReadOnlyList<string> ToSimplifiedAll(IReadOnlyList<string> texts)
        {
            Batches.Add(texts);
            return texts.Select(t => "S:" + t).ToArray();
        }

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

    [Fact]
    public void A_batch_converts_only_unknown_texts_in_one_inner_call_and_keeps_the_order()
    {
        var inner = new CountingConverter();
        var cached = new CachingScriptConverter(inner);
        Assert.Equal("S:甲", cached.ToSimplified("甲"));

        var results = cached.ToSimplifiedAll(["乙", "甲", "", "丙"]);

        Assert.Equal(["S:乙", "S:甲", "", "S:丙"], results);
        Assert.Equal([["乙", "丙"]], inner.Batches);
        Assert.Equal("S:丙", cached.ToSimplified("丙"));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void Given_conversions_are_used_before_asking_the_inner_converter_one_text_or_a_batch()
    {
        var inner = new CountingConverter();
        var cached = new CachingScriptConverter(inner,
            new Dictionary<string, string> { ["甲"] = "S:given" }, new Dictionary<string, string> { ["甲"] = "T:given" });

        var batch = cached.ToSimplifiedAll(["乙", "甲"]);

        Assert.Equal(("S:given", "T:given"), (cached.ToSimplified("甲"), cached.ToTraditional("甲")));
        Assert.Equal(["S:乙", "S:given"], batch);
        Assert.Equal([["乙"]], inner.Batches);
        Assert.Equal("T:乙", cached.ToTraditional("乙"));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void Identity_is_the_inner_converters()
    {
        var inner = new CountingConverter();
        Assert.Equal(((IScriptConverter)inner).Identity, new CachingScriptConverter(inner).Identity);
    }
}
