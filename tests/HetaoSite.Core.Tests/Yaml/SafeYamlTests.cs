using HetaoSite.Core.Yaml;

namespace HetaoSite.Core.Tests.Yaml;

public class SafeYamlTests
{
    private static readonly YamlLimits Limits = new(MaxCharacters: 10_000, MaxAliases: 10, MaxDepth: 8);

    [Fact]
    public void Reads_a_plain_mapping()
    {
        var result = SafeYaml.ParseMapping("title: 河套\ndate: 2024-08-09\n", "a.md", 2, Limits);
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
        Assert.Equal("河套", result.Value!.GetString("title"));
    }

    [Theory]
    [InlineData("x: !!python/object:os.system ls\n", "HS0114")]
    [InlineData("x: !!binary aGVsbG8=\n", "HS0114")]
    [InlineData("x: !custom 1\n", "HS0114")]
    [InlineData("a: &a [1,2]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n", "HS0115")]
    [InlineData("a: [[[[[[[[[[1]]]]]]]]]]\n", "HS0116")]
    [InlineData("a: 'unclosed\n", "HS0113")]
    [InlineData("a:\n\t- tab\n", "HS0113")]
    [InlineData("- just\n- a list\n", "HS0112")]
    public void Refuses_hostile_or_malformed_yaml_with_a_coded_error(string yaml, string code)
    {
        var result = SafeYaml.ParseMapping(yaml, "a.md", 3, Limits);
        Assert.Null(result.Value);
        var codes = result.Diagnostics.Select(d => d.Code).ToList();
        Assert.True(codes.Contains(code), $"expected {code}, got [{string.Join(", ", codes)}]");
        Assert.All(result.Diagnostics, d => Assert.Equal("a.md", d.File));
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 3, $"expected a file line ≥ 3, got {d.Line}"));
    }

    [Fact]
    public void Billion_laughs_stops_at_the_alias_limit_quickly()
    {
        var yaml = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(",", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 9))}]\n"));
        var result = SafeYaml.ParseMapping(yaml, "bomb.md", 1, new YamlLimits());
        Assert.Contains(result.Diagnostics, d => d.Code == "HS0115");
    }

    [Fact]
    public void Too_long_yaml_is_refused_before_parsing()
    {
        var result = SafeYaml.ParseMapping("a: " + new string('x', 20_000), "big.md", 1, Limits);
        Assert.Contains(result.Diagnostics, d => d.Code == "HS0110");
    }

    [Theory]
    [InlineData("a: 1\nb:\n  c: [x, y]\nd: !!python/object:os.system ls\n", "HS0114", 6)]
    [InlineData("a: &a 1\nb: *a\nc: *a\nd: *a\ne: *a\nf: *a\ng: *a\nh: *a\ni: *a\nj: *a\nk: *a\nl: *a\n", "HS0115", 14)]
    [InlineData("a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h:\n        i: 1\n", "HS0116", 11)]
    [InlineData("a: 1\nb: [1, 2\n", "HS0113", 5)]
    public void A_refused_or_malformed_event_after_good_ones_is_named_at_its_own_line(string yaml, string code, int line)
    {
        var result = SafeYaml.ParseMapping(yaml, "a.md", 3, Limits);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((code, line), (error.Code, error.Line));
    }
}
