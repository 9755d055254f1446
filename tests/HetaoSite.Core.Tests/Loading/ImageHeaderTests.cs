using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Loading;

public sealed class ImageHeaderTests
{
    [Fact]
    public void A_png_gives_the_size_in_its_ihdr_chunk() =>
        Assert.Equal(new ImageSize(320, 180), ImageHeader.Read(TestImages.Png(320, 180)));

    [Fact]
    public void A_gif_gives_its_logical_screen_size() =>
        Assert.Equal(new ImageSize(640, 427), ImageHeader.Read(TestImages.Gif(640, 427)));

    [Theory]
    [InlineData(0, 1600, 900)]
    [InlineData(1, 1600, 900)]
    [InlineData(3, 1600, 900)] // upside down: same box
    [InlineData(6, 900, 1600)] // rotated a quarter turn: browsers show it upright, so width and height swap
    [InlineData(8, 900, 1600)]
    public void A_jpeg_gives_the_size_of_its_frame_as_displayed_after_exif_rotation(int orientation, int width, int height)
    {
        Assert.Equal(new ImageSize(width, height), ImageHeader.Read(TestImages.JpegHeader(1600, 900, orientation)));
        Assert.Equal(new ImageSize(width, height), ImageHeader.Read(TestImages.JpegHeader(1600, 900, orientation, bigEndianExif: true)));
    }

    [Theory]
    [InlineData("VP8 ")]
    [InlineData("VP8L")]
    [InlineData("VP8X")]
    public void Each_kind_of_webp_gives_its_size(string kind) =>
        Assert.Equal(new ImageSize(1024, 683), ImageHeader.Read(TestImages.WebP(kind, 1024, 683)));

    [Fact]
    public void The_signature_decides_the_format_not_the_name()
    {
        // The reader never sees a name: a JPEG saved as .png is measured as the JPEG it is.
        Assert.Equal(new ImageSize(10, 20), ImageHeader.Read(TestImages.JpegHeader(10, 20)));
    }

    public static TheoryData<string, byte[]> Unreadable() => new()
    {
        { "empty", [] },
        { "text", "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray() },
        { "png cut inside IHDR", TestImages.Png(4, 4)[..20] },
        { "jpeg without a frame header", [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9] },
        { "jpeg segment longer than the file", [0xFF, 0xD8, 0xFF, 0xE0, 0x7F, 0xFF, 0x00] },
        { "jpeg of zero width", TestImages.JpegHeader(0, 10) },
        { "webp cut short", TestImages.WebP("VP8X", 5, 5)[..20] },
        { "webp of an unknown kind", TestImages.WebP("ABCD", 5, 5) },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_header_it_cannot_read_gives_null_not_an_exception(string what, byte[] bytes) =>
        Assert.True(ImageHeader.Read(bytes) is null, $"{what}: expected no size, got {ImageHeader.Read(bytes)}");

    [Fact]
    public void A_hostile_exif_directory_pointing_past_the_end_is_ignored()
    {
        var jpeg = TestImages.JpegHeader(30, 20, orientation: 6);
        // The TIFF header's first-directory offset sits after SOI (2), APP0 (18), the APP1 marker and length (4) and "Exif\0\0" (6).
        var offset = 2 + 18 + 4 + 6 + 4;
        jpeg[offset] = 0xFF;
        jpeg[offset + 1] = 0xFF;
        Assert.Equal(new ImageSize(30, 20), ImageHeader.Read(jpeg));
    }
}
