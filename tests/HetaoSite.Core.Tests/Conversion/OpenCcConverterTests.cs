using System.Text.Json.Nodes;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Conversion;

/// <summary>Needs the system's OpenCC (Debian: libopencc1.1); the build machine and CI install it.</summary>
public sealed class OpenCcConverterTests : IDisposable
{
    private readonly OpenCcConverter _converter;

    public OpenCcConverterTests()
    {
        Assert.True(OpenCcConverter.TryCreate(out var converter, out var problem), $"OpenCC should be available here: {problem}");
        Assert.Null(problem);
        _converter = converter!;
    }

    public void Dispose() => _converter.Dispose();

    [Theory]
    [InlineData("河套深港科技創新合作區", "河套深港科技创新合作区")]
    [InlineData("國際量子研究院技術人員在稀釋製冷機旁工作。", "国际量子研究院技术人员在稀释制冷机旁工作。")]
    [InlineData("粵港澳大灣區量子科學中心建設加速推進", "粤港澳大湾区量子科学中心建设加速推进")]
    public void Traditional_seed_sentences_become_simplified(string traditional, string simplified) =>
        Assert.Equal(simplified, _converter.ToSimplified(traditional));

    [Theory]
    [InlineData("河套深港科技创新合作区", "河套深港科技創新合作區")]
    [InlineData("河套深港合作硕果累累 高端科创资源加速聚集", "河套深港合作碩果累累 高端科創資源加速聚集")]
    [InlineData("小空间遇见大未来", "小空間遇見大未來")]
    public void Simplified_seed_sentences_become_traditional(string simplified, string traditional) =>
        Assert.Equal(traditional, _converter.ToTraditional(simplified));

    [Fact]
    public void Empty_and_latin_text_pass_through()
    {
        Assert.Equal(string.Empty, _converter.ToSimplified(string.Empty));
        Assert.Equal("AI for Science Hub (CAISA) 2025", _converter.ToTraditional("AI for Science Hub (CAISA) 2025"));
    }

    [Fact]
    public void Concurrent_conversions_give_the_same_results()
    {
        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => _converter.ToSimplified("河套深港科技創新合作區")).Distinct().ToList();
        Assert.Equal(["河套深港科技创新合作区"], results);
    }

    [Fact]
    public void Batched_conversion_equals_converting_each_text_on_the_seed_articles()
    {
        var source = SiteSourceReader.Read(
            Path.Combine(RepositoryRoot.Path, "site-config.yml"), Path.Combine(RepositoryRoot.Path, "seeds"), Path.Combine(RepositoryRoot.Path, "templates"));
        var config = SiteConfigParser.Parse(source.ConfigText, source.ConfigFileName).Value;
        var texts = source.Articles.Select(f => ArticleProcessor.Process(f, config).Value).OfType<ArticleExtraction>()
            .SelectMany(DisplayedTexts.Of)
            .Concat(["", "兩行\n發展", "前\0後", "\n", "河套深港科技創新合作區"])
            .ToList();
        Assert.True(texts.Count > 200, $"expected the seeds to give a few hundred texts, got {texts.Count}");

        var simplified = _converter.ToSimplifiedAll(texts);
        var traditional = _converter.ToTraditionalAll(texts);

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.True(simplified[i] == _converter.ToSimplified(texts[i]), $"expected the batched Simplified of '{texts[i]}' to be '{_converter.ToSimplified(texts[i])}', got '{simplified[i]}'");
            Assert.True(traditional[i] == _converter.ToTraditional(texts[i]), $"expected the batched Traditional of '{texts[i]}' to be '{_converter.ToTraditional(texts[i])}', got '{traditional[i]}'");
        }
    }

    [Fact]
    public void Identity_names_the_configurations_and_their_dictionaries()
    {
        Assert.Contains("t2s.json", _converter.Identity, StringComparison.Ordinal);
        Assert.Contains("s2hk.json", _converter.Identity, StringComparison.Ordinal);
        Assert.Contains("STPhrases.ocd2:", _converter.Identity, StringComparison.Ordinal);
    }

    [Fact]
    public void The_traditional_ui_strings_are_in_hong_kong_forms()
    {
        JsonObject Strings(string lang) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "templates", "i18n", lang + ".json")))!.AsObject();
        var traditional = Strings("zh-Hant");
        var simplified = Strings("zh-Hans");
        Assert.Equal(traditional.Select(p => p.Key).Order(StringComparer.Ordinal), simplified.Select(p => p.Key).Order(StringComparer.Ordinal));

        // Hong Kong forms, as converted quotations have them: s2hk leaves every Traditional string as it is (it would
        // change 說, 閱, 裡, 着…). Words may differ by region (搜尋/搜索, 資料/数据). switch_to is in the script it switches to.
        var notHongKong = traditional.Where(p => p.Key != "switch_to" && _converter.ToTraditional((string)p.Value!) != (string)p.Value!)
            .Select(p => $"{p.Key}: {p.Value} (s2hk: {_converter.ToTraditional((string)p.Value!)})").ToList();
        Assert.True(notHongKong.Count == 0, $"expected Hong Kong forms in zh-Hant.json, got: {string.Join(" | ", notHongKong)}");
    }
}
