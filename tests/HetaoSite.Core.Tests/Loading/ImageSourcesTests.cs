using HetaoSite.Core.Loading;

namespace HetaoSite.Core.Tests.Loading;

public sealed class ImageSourcesTests
{
    [Theory]
    [InlineData("images/x.jpg", "images/x.jpg")]
    [InlineData("./images/./x.JPG", "images/x.JPG")]
    [InlineData("  photo.webp ", "photo.webp")]
    [InlineData("https://img.example.com/a/b.jpg?w=800", "https://img.example.com/a/b.jpg?w=800")]
    [InlineData("images/12:30.png", "images/12:30.png")]
    public void A_path_under_seeds_or_an_https_url_is_accepted(string value, string source)
    {
        var check = ImageSources.Check(value);
        Assert.Equal((source, null, null), (check.Source, check.Error, check.Warning));
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("images/../../etc/x.png")]
    [InlineData("/etc/x.png")]
    [InlineData("//evil.example/x.png")]
    [InlineData("images\\x.png")]
    [InlineData("C:/images/x.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("file:///etc/passwd")]
    [InlineData("images/x\u0000.png")]
    [InlineData("https://")]
    public void A_path_that_could_leave_seeds_or_another_scheme_is_an_error(string value)
    {
        var check = ImageSources.Check(value);
        Assert.True(check.Source is null && check.Error is not null, $"'{value}': expected an error, got source '{check.Source}', warning '{check.Warning}'");
    }

    [Theory]
    [InlineData("http://img.example.com/x.jpg")]
    [InlineData("images/notes.txt")]
    [InlineData("images/photo")]
    public void An_http_url_or_a_file_that_is_not_an_image_is_a_warning(string value)
    {
        var check = ImageSources.Check(value);
        Assert.True(check.Source is null && check.Error is null && check.Warning is not null, $"'{value}': expected a warning, got {check}");
    }

    [Theory]
    [InlineData("a.jpg")]
    [InlineData("a.JPEG")]
    [InlineData("b/c.png")]
    [InlineData("d.webp")]
    [InlineData("e.gif")]
    [InlineData("f.avif")]
    [InlineData("g.svg")]
    public void Image_files_are_recognised_by_extension(string path) => Assert.True(ImageSources.IsImageFile(path));
}
