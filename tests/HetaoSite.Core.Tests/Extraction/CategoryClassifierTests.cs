using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Tests.Extraction;

public class CategoryClassifierTests
{
    [Theory]
    [InlineData("社保基金大灣區科技創新專項基金落地河套深圳園區", "finance")]
    [InlineData("《河套深港科技創新合作區深圳園區發展規劃》發布", "policy")]
    [InlineData("深圳河套學院正式開學", "talent")]
    [InlineData("2025年度河套創新論壇在河套科創中心舉行", "forums")]
    [InlineData("河套科創中心也正式開園", "infrastructure")]
    public void Default_rules_pick_the_category_with_most_keyword_hits(string title, string expected) =>
        Assert.Equal(expected, CategoryClassifier.Classify(title, title, CategoryRule.Defaults));

    [Fact]
    public void No_hit_falls_back_to_the_last_rule()
    {
        var rules = new[] { new CategoryRule("a", "A", "A", ["甲"]), new CategoryRule("other", "其他", "其他", []) };
        Assert.Equal("other", CategoryClassifier.Classify("乙", "丙", rules));
    }
}
