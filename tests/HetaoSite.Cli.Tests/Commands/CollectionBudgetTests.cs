using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

public class CollectionBudgetTests
{
    private const long MB = 1L << 20;

    [Theory]
    [InlineData(70 * MB, 16_000 * MB, 70 * MB * CollectionBudget.BytesPerArticleByte)]
    [InlineData(7 * MB, 16_000 * MB, 7 * MB * CollectionBudget.BytesPerArticleByte)]
    [InlineData(70 * MB, 4_000 * MB, 1_000 * MB)]
    [InlineData(1 * MB, 16_000 * MB, 0)]
    [InlineData(0, 16_000 * MB, 0)]
    [InlineData(70 * MB, 100 * MB, 0)]
    public void The_budget_grows_with_the_articles_within_a_quarter_of_the_memory_and_is_none_for_a_small_site(long articles, long available, long expected)
    {
        var budget = CollectionBudget.For(articles, available);
        Assert.True(budget == expected, $"expected a budget of {expected} bytes for {articles} bytes of articles and {available} available, got {budget}");
    }

    [Fact]
    public void The_articles_folder_is_measured_with_its_subfolders_but_not_through_links()
    {
        using var site = TempSite.Empty();
        Directory.CreateDirectory(Path.Combine(site.Seeds, "images"));
        File.WriteAllBytes(Path.Combine(site.Seeds, "a.md"), new byte[1000]);
        File.WriteAllBytes(Path.Combine(site.Seeds, "images", "b.png"), new byte[300]);
        var outside = Path.Combine(site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Path.Combine(outside, "big.bin"), new byte[5000]);
        Directory.CreateSymbolicLink(Path.Combine(site.Seeds, "linked"), outside);

        Assert.Equal(1300, CollectionBudget.FolderBytes(site.Seeds));
        Assert.Equal(0, CollectionBudget.FolderBytes(Path.Combine(site.Root, "missing")));
    }

    [Fact]
    public void A_build_inside_another_process_starts_no_region()
    {
        // The tests run builds in their own process, which is not the one-shot executable.
        Assert.False(CollectionBudget.OneShotProcess);
        Assert.Equal(0, CollectionBudget.Start(TempSite.RepositoryRoot));
    }
}
