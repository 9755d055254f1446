using System.Text;
using static HetaoSite.Core.Tests.Loading.LoaderTestHelpers;

namespace HetaoSite.Core.Tests.Loading;

public sealed class TextDecoderTests
{
    private const string Hans = "河套深港科技创新合作区深圳园区发布了新的政策，推动深港两地科研人员和资金在合作区内便利流动，目前已经落地高端科研项目超过一百五十个。";
    private const string Hant = "河套深港科技創新合作區深圳園區發布了新的政策，推動深港兩地科研人員和資金在合作區內便利流動，目前已經落地高端科研項目超過一百五十個。";

    [Fact]
    public void Gbk_without_bom_is_detected_as_gb18030()
    {
        var raw = LoadOk("a.txt", Encode("GBK", Hans));
        Assert.Equal("gb18030", raw.Encoding);
        Assert.Equal(Hans, Assert.Single(raw.Blocks).Text);
    }

    [Fact]
    public void Big5_without_bom_is_detected_as_big5()
    {
        var raw = LoadOk("a.txt", Encode("big5", Hant));
        Assert.Equal("big5", raw.Encoding);
        Assert.Equal(Hant, Assert.Single(raw.Blocks).Text);
    }

    [Theory]
    [InlineData("utf-16", "utf-16le")]
    [InlineData("utf-16BE", "utf-16be")]
    public void Utf16_with_bom_is_decoded(string encoding, string expected)
    {
        var raw = LoadOk("a.txt", Encode(encoding, "標題\n" + Hant, bom: true));
        Assert.Equal(expected, raw.Encoding);
        Assert.Equal(["標題", Hant], raw.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Utf8_bom_is_recorded_and_not_part_of_the_text()
    {
        var raw = LoadOk("a.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Hant)]);
        Assert.Equal("utf-8-bom", raw.Encoding);
        Assert.Equal(Hant, Assert.Single(raw.Blocks).Text);
    }

    [Theory]
    [InlineData("第一行\r\n\r\n第三行\r\n")]
    [InlineData("第一行\r\r第三行\r")]
    public void Crlf_and_lone_cr_line_endings_become_lf_with_correct_lines(string text)
    {
        var raw = LoadOk("a.txt", text);
        Assert.Equal([("第一行", 1), ("第三行", 3)], raw.Blocks.Select(b => (b.Text, b.Line)));
    }

    [Fact]
    public void A_bom_inside_the_text_is_removed()
    {
        var raw = LoadOk("a.txt", "河套\uFEFF合作區");
        Assert.Equal("河套合作區", Assert.Single(raw.Blocks).Text);
    }

    [Fact]
    public void Nul_bytes_are_a_decode_error_with_the_offset()
    {
        var error = SingleError(Load("bin.txt", [0x41, 0x42, 0x00, 0x43]));
        Assert.Equal("HS0101", error.Code);
        Assert.Equal("bin.txt", error.File);
        Assert.Contains("cannot decode", error.Message, StringComparison.Ordinal);
        Assert.Contains("byte offset 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_that_is_no_other_encoding_either_is_a_decode_error_naming_offset_and_line()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("abc\ndef\n"), 0xC3, 0x28, 0xFF, 0xFE, 0x01, 0x02];
        var error = SingleError(Load("bad.txt", bytes));
        Assert.Equal("HS0101", error.Code);
        Assert.Contains("byte offset 8", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_utf16_is_a_decode_error()
    {
        var bytes = Encode("utf-16", "河套", bom: true);
        var error = SingleError(Load("cut.txt", bytes[..^1]));
        Assert.Equal("HS0101", error.Code);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_binary_bytes_are_a_decode_error()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes = bytes.Select(b => b == 0 ? (byte)1 : b).ToArray();
        Assert.Equal("HS0101", SingleError(Load("noise.txt", bytes)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\n\u3000 \n")]
    public void Empty_or_whitespace_only_file_is_an_empty_article(string text)
    {
        var error = SingleError(Load("empty.txt", text));
        Assert.Equal("HS0103", error.Code);
        Assert.Equal("empty.txt", error.File);
    }

    [Fact]
    public void File_over_the_size_limit_is_refused()
    {
        var limits = HetaoSite.Core.Configuration.BuildLimits.Default with { MaxFileBytes = 10 };
        var error = SingleError(Load("big.txt", "河套深港科技創新合作區", limits));
        Assert.Equal("HS0104", error.Code);
    }
}
