using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class SearchFoldTests
{
    [Fact]
    public void Traditional_characters_of_the_texts_fold_to_simplified_ones_and_both_scripts_meet()
    {
        var fold = SearchFold.Build(["合作區發展規劃", "合作区发展规划"], new FakeScriptConverter());
        Assert.Equal(fold.Fold("合作區發展規劃"), fold.Fold("合作区发展规划"));
        Assert.Equal("合作区发展规划", fold.Fold("合作區發展規劃"));
        Assert.Equal("5g 河套", fold.Fold("5G 河套"));
        Assert.All(fold.Pairs, p => Assert.NotEqual(p.From, p.To));
        var (from, to) = fold.AsStrings();
        Assert.Equal(fold.Pairs.Count, from.Length);
        Assert.Equal(from.Length, to.Length);
    }

    [Fact]
    public void Without_a_converter_nothing_folds_but_letters_are_lower_cased()
    {
        var fold = SearchFold.Build(["合作區"], null);
        Assert.Empty(fold.Pairs);
        Assert.Equal("合作區 abc", fold.Fold("合作區 ABC"));
    }

    [Fact]
    public void Only_characters_of_the_texts_are_in_the_map()
    {
        var fold = SearchFold.Build(["區"], new FakeScriptConverter());
        Assert.Equal([('區', '区')], fold.Pairs);
    }
}
