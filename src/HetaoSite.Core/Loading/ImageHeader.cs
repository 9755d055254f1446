using System.Buffers.Binary;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Reads an image's width and height from the first bytes of its file, by its signature (not its extension): PNG
/// (IHDR), GIF (logical screen), JPEG (the first SOF segment; EXIF orientations 5–8 swap the two, as browsers display
/// them) and WebP (VP8, VP8L, VP8X). Anything else, or a header cut short, gives null. Only header bytes are read, never
/// pixels, and every offset is bounds-checked: a hostile file can only be refused.
/// </summary>
public static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageSize? Read(ReadOnlySpan<byte> bytes)
    {
        var size = bytes switch
        {
            _ when bytes.StartsWith(PngSignature) => Png(bytes),
            _ when bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) => Gif(bytes),
            _ when bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF => Jpeg(bytes),
            _ when bytes.Length >= 16 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) => WebP(bytes),
            _ => null,
        };
        return size is { Width: > 0, Height: > 0 } ? size : null;
    }

    private static ImageSize? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[12..16].SequenceEqual("IHDR"u8)
            ? Size(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]))
            : null;

    private static ImageSize? Gif(ReadOnlySpan<byte> b) =>
        b.Length >= 10 ? new ImageSize(BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..])) : null;

    private static ImageSize? Jpeg(ReadOnlySpan<byte> b)
    {
        var swap = false;
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // markers without a length
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (length < 2 || i + 2 + length > b.Length)
            {
                return null;
            }

            var segment = b.Slice(i + 4, length - 2);
            if (marker is (>= 0xC0 and <= 0xC3) or (>= 0xC5 and <= 0xC7) or (>= 0xC9 and <= 0xCB) or (>= 0xCD and <= 0xCF))
            {
                if (segment.Length < 5)
                {
                    return null;
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]), width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                return swap ? new ImageSize(height, width) : new ImageSize(width, height);
            }

            if (marker == 0xDA)
            {
                return null; // image data before any frame header
            }

            if (marker == 0xE1 && segment.StartsWith("Exif\0\0"u8))
            {
                swap = ExifOrientation(segment[6..]) is >= 5 and <= 8;
            }

            i += 2 + length;
        }

        return null;
    }

    /// <summary>The orientation tag (0x0112) of a TIFF header's first directory; 0 when absent or unreadable.</summary>
    private static int ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return 0;
        }

        var little = tiff[0] == (byte)'I' && tiff[1] == (byte)'I';
        if (!little && !(tiff[0] == (byte)'M' && tiff[1] == (byte)'M'))
        {
            return 0;
        }

        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        var directory = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..]);
        if (directory > (uint)tiff.Length - 2)
        {
            return 0;
        }

        var start = (int)directory;
        var count = U16(tiff[start..]);
        for (var entry = 0; entry < count; entry++)
        {
            var at = start + 2 + (entry * 12);
            if (at + 12 > tiff.Length)
            {
                return 0;
            }

            if (U16(tiff[at..]) == 0x0112)
            {
                return U16(tiff[(at + 8)..]);
            }
        }

        return 0;
    }

    private static ImageSize? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30)
        {
            return null;
        }

        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Key frame start code, then 14-bit width and height (the top two bits are scaling).
            return b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A
                ? new ImageSize(BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (b[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return new ImageSize((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            return new ImageSize(Read24(b[24..]) + 1, Read24(b[27..]) + 1);
        }

        return null;
    }

    private static int Read24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    private static ImageSize? Size(uint width, uint height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? new ImageSize((int)width, (int)height) : null;
}
