using System.Reflection;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Tests.TestSupport;
using Xunit;

namespace HetaoSite.Core.Tests.Extraction;

public sealed class ScriptFoldTests
{
    [Theory]
    [InlineData("河套深港科技創新合作區", "河套深港科技创新合作区")]
    [InlineData("落戶", "落户")]
    [InlineData("落户", "落户")]
    [InlineData("說", "说")]
    [InlineData("説", "说")]
    [InlineData("Lok Ma Chau Loop", "Lok Ma Chau Loop")]
    public void Folds_traditional_and_hong_kong_forms_to_simplified(string text, string expected) =>
        Assert.Equal(expected, ScriptFold.Fold(text));

    [Fact]
    public void Folding_keeps_the_length_so_offsets_stay_valid()
    {
        const string text = "2024年6月，國際產業中試集聚區在河套深圳園區成立";
        Assert.Equal(text.Length, ScriptFold.Fold(text).Length);
    }

    /// <summary>
    /// Every word of the event rules (written in Simplified) and every gazetteer entry of site-config.yml folds to the
    /// same key as its OpenCC conversions (Traditional, Hong Kong and Taiwan forms): the table covers what they need.
    /// </summary>
    [Fact]
    public void The_table_covers_every_word_of_the_rules_and_the_gazetteer()
    {
        Assert.True(OpenCcConverter.TryCreate(out var converter, out var problem), $"OpenCC should be available here: {problem}");
        using var opencc = converter!;
        var words = typeof(EventWording).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]) && f.Name != "FoldedOutlets")
            .SelectMany(f => (string[])f.GetValue(null)!)
            .Where(w => !char.IsAsciiLetter(w[0]))
            .ToList();
        var zone = SiteConfigParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "site-config.yml"))).Value.Zone!;
        words.AddRange(zone.Names.Concat(zone.Parks).Concat(zone.Places));
        Assert.True(words.Count > 150, $"expected the rules' word lists and the gazetteer, found {words.Count} words");

        var missed = words.Where(w =>
        {
            var key = ScriptFold.Fold(opencc.ToSimplified(w));
            return ScriptFold.Fold(w) != key || ScriptFold.Fold(opencc.ToTraditional(w)) != key;
        }).ToList();
        Assert.True(missed.Count == 0, "expected every word to fold like its conversions; not covered: " + string.Join(", ", missed));
    }
}
