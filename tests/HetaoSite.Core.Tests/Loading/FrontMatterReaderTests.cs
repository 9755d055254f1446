using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Loading.LoaderTestHelpers;

namespace HetaoSite.Core.Tests.Loading;

public sealed class FrontMatterReaderTests
{
    [Fact]
    public void Front_matter_after_blank_lines_with_rfc1123_date_is_read()
    {
        const string text = "\n\n---\ntitle: '小空间遇见大未来  深港河套成湾区科创新引擎'\ncategories:\n - 金融\n - 要闻\nauthor: 证券时报网\n"
            + "headimg: 'https://example.com/a.jpg'\ndate: Tue, 06 Sep 2022 19:11:00 GMT\n---\n\n正文第一段。\n";
        var raw = LoadOk("a.txt", text);
        var meta = raw.Metadata;
        Assert.Equal(MetadataOrigin.FrontMatter, meta.Origin);
        Assert.Equal("小空间遇见大未来  深港河套成湾区科创新引擎", meta.Title);
        Assert.Equal("2022-09-06", meta.Date.ToString());
        Assert.Equal(10, meta.DateLine);
        Assert.Equal("证券时报网", meta.Outlet);
        Assert.Equal(["金融", "要闻"], meta.Tags);
        Assert.Equal("https://example.com/a.jpg", meta.Extra["headimg"]);
        Assert.Equal(("正文第一段。", 13), (raw.Blocks[0].Text, raw.Blocks[0].Line));
    }

    [Fact]
    public void Outlet_prefers_outlet_then_source_then_author()
    {
        var raw = LoadOk("a.md", "---\nauthor: 某人\nsource: 新華網\ndate: 2024-08-09\nurl: https://x.example/a\nlang: zh-Hant\ntags: [河套, 深港]\n---\n正文。\n");
        Assert.Equal("新華網", raw.Metadata.Outlet);
        Assert.Equal("https://x.example/a", raw.Metadata.Url);
        Assert.Equal("zh-Hant", raw.Metadata.Language);
        Assert.Equal(["河套", "深港"], raw.Metadata.Tags);
    }

    [Theory]
    [InlineData("2024-13-45")]
    [InlineData("next tuesday")]
    public void A_date_that_does_not_exist_is_HS0102_at_the_line_of_the_date_key(string value)
    {
        var error = SingleError(Load("bad.md", $"\n---\ntitle: 標題\n\ndate: {value}\n---\n正文。\n"));
        Assert.Equal("HS0102", error.Code);
        Assert.Equal("bad.md", error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("YYYY-MM-DD", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error_with_the_opening_line()
    {
        var error = SingleError(Load("open.txt", "\n---\ntitle: 標題\n正文。\n"));
        Assert.Equal("HS0105", error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Yaml_type_tags_are_refused_through_safe_yaml()
    {
        var error = SingleError(Load("tag.md", "---\ntitle: !!python/object:os.system 標題\n---\n正文。\n"));
        Assert.Equal("HS0114", error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_shortened_with_a_warning()
    {
        var limits = BuildLimits.Default with { MaxTitleCharacters = 10 };
        var result = Load("long.md", "---\ntitle: 河套深港科技創新合作區深圳園區發展規劃\n---\n正文。\n", limits);
        Assert.NotNull(result.Value);
        Assert.Equal("河套深港科技創新合…", result.Value.Metadata.Title);
        Assert.Equal("HS0107", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Front_matter_with_no_text_after_it_is_an_empty_article() =>
        Assert.Equal("HS0103", SingleError(Load("only.md", "---\ntitle: 標題\ndate: 2024-01-01\n---\n\n")).Code);

    [Theory]
    [InlineData("---\ntitle: 標題\n...\n正文。", 4)]
    [InlineData("---  \ntitle: 標題\n---\t\n\n正文。\n", 5)]
    [InlineData("\n \n---\ntitle: 標題\ndate: 2024-01-01\n---\n正文。\n", 7)]
    public void The_body_starts_on_the_line_after_the_closing_line(string text, int bodyLine)
    {
        var raw = LoadOk("a.md", text);
        Assert.Equal("標題", raw.Metadata.Title);
        Assert.Equal(("正文。", bodyLine), (raw.Blocks[0].Text, raw.Blocks[0].Line));
    }

    [Fact]
    public void Empty_front_matter_gives_no_metadata_and_keeps_the_body()
    {
        var raw = LoadOk("a.md", "---\n---\n正文。\n");
        Assert.Null(raw.Metadata.Title);
        Assert.Equal(("正文。", 3), (raw.Blocks[0].Text, raw.Blocks[0].Line));
    }

    [Fact]
    public void A_closing_line_that_is_the_last_line_leaves_an_empty_article() =>
        Assert.Equal("HS0103", SingleError(Load("only.md", "---\ntitle: 標題\n---")).Code);

    [Fact]
    public void Text_without_an_opening_line_is_all_body()
    {
        var raw = LoadOk("a.txt", "\n正文。\n\n---\ntitle: 標題\n---\n");
        Assert.Null(raw.Metadata.Title);
        Assert.Equal(("正文。", 2), (raw.Blocks[0].Text, raw.Blocks[0].Line));
    }
}
