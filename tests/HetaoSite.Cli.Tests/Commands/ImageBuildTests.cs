using System.Security.Cryptography;
using HetaoSite.Cli.Tests.TestSupport;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

/// <summary>`build` of a seeds folder holding an image: the image is an asset (copied under its hashed name), not an article.</summary>
public class ImageBuildTests
{
    private static string Article(string image) =>
        $"---\ntitle: 測試文章\ndate: 2024-08-09\nimage: {image}\nimage_alt: 園區外景\n---\n\n2024年6月，國際產業中試集聚區在河套深圳園區成立。\n";

    [Fact]
    public void A_seed_with_an_image_builds_and_the_hashed_copy_is_in_the_output()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article("images/park.png"));
        var png = TestImages.Png(40, 30);
        site.AddArticle("images/park.png", png);
        site.AddArticle("images/unused.jpg", TestImages.JpegHeader(10, 10));

        var result = CliRun.Of(["build", .. site.BuildArgs()]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("HS0010", result.Stdout + result.Stderr, StringComparison.Ordinal); // images are not "unsupported articles"
        Assert.Matches(@"(?m)^1 articles, ", result.Stdout);

        var name = $"park.{Convert.ToHexStringLower(SHA256.HashData(png))[..8]}.png";
        var copy = Path.Combine(site.Output, "images", name);
        Assert.True(File.Exists(copy), $"expected _site/images/{name}; images/ holds: {string.Join(", ", Directory.Exists(Path.GetDirectoryName(copy)) ? Directory.GetFiles(Path.GetDirectoryName(copy)!).Select(Path.GetFileName) : [])}");
        Assert.Equal(png, File.ReadAllBytes(copy));
        Assert.False(File.Exists(Path.Combine(site.Output, "images", "unused.jpg")), "an image no article shows is not copied");
        Assert.Contains($"src=\"/images/{name}\"", File.ReadAllText(Path.Combine(site.Output, "articles", "a", "index.html")), StringComparison.Ordinal);

        // check finds the copied file where the page links to it.
        var check = CliRun.Of("check", "--out", site.Output, "--config", site.Config);
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public void An_image_path_leaving_seeds_is_an_error_naming_the_file_and_line_and_the_output_is_untouched()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article("../../etc/secret.png"));
        var result = CliRun.Of(["build", .. site.BuildArgs()]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("a.md:4: error HS0150", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output), "expected no _site after an error");
    }

    [Fact]
    public void A_symbolic_link_to_an_image_outside_seeds_is_an_error()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article("images/link.png"));
        var outside = Path.Combine(site.Root, "outside.png");
        File.WriteAllBytes(outside, TestImages.Png(4, 4));
        Directory.CreateDirectory(Path.Combine(site.Seeds, "images"));
        File.CreateSymbolicLink(Path.Combine(site.Seeds, "images", "link.png"), outside);
        var result = CliRun.Of(["build", .. site.BuildArgs()]);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("images/link.png: error HS0005", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
