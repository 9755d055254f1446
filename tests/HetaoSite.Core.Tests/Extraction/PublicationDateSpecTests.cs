using System.Text;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Extraction;

/// <summary>
/// Runs every example of Specs/publication-dates/*.md: the input is a whole article file (named by the <c>file:</c>
/// header), loaded, cleaned and resolved as a build does; the expected line is <c>date | published_from</c> or
/// <c>undated</c>.
/// </summary>
public sealed class PublicationDateSpecTests
{
    private const string Area = "publication-dates";

    public static IEnumerable<object[]> Examples => SpecFile.Rows(Area);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_gives_the_publication_date(string file, int index)
    {
        var example = SpecFile.Load(Path.Combine(SpecFile.Folder(Area), file)).Examples[index];
        var config = SiteConfigParser.Parse(string.Empty).Value;
        var raw = ArticleLoader.Load(new SourceFile(example.Anchor, Encoding.UTF8.GetBytes(example.Input + "\n")), config.Limits);
        Assert.False(raw.HasErrors, $"{example.Location}: {string.Join("; ", raw.Diagnostics)}");
        var clean = TextCleaner.Clean(raw.Value!, config.Cleaning, null);
        var article = MetadataResolver.Resolve(clean.Value, null, config.Limits).Value!;

        var actual = article.Published is { } date ? $"{date} | {article.PublishedFrom}" : "undated";
        var expected = string.Join('\n', example.Expected);
        Assert.True(expected == actual, $"{example.Location}\ninput:\n{example.Input}\nexpected: {expected}\nactual:   {actual}\nbylines:  {string.Join(" / ", clean.Value.Bylines.Select(b => $"{b.Line}: {b.Text}"))}");
    }

    [Fact]
    public void The_spec_covers_at_least_30_examples()
    {
        var count = SpecFile.Rows(Area).Count();
        Assert.True(count >= 30, $"expected at least 30 publication-date examples, found {count}");
    }
}
