using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>Small image files written by hand for tests: a real PNG, and headers of the other formats the build measures.</summary>
public static class TestImages
{
    /// <summary>A valid PNG of one colour, <paramref name="width"/> × <paramref name="height"/> pixels (RGB, 8 bits).</summary>
    public static byte[] Png(int width, int height, byte red = 40, byte green = 120, byte blue = 200)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // no filter
            for (var x = 0; x < width; x++)
            {
                raw.Write([red, green, blue]);
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The start of a JPEG: SOI, an APP0, optionally an EXIF APP1 with <paramref name="orientation"/>, then SOF0.</summary>
    public static byte[] JpegHeader(int width, int height, int orientation = 0, bool bigEndianExif = false)
    {
        var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (orientation > 0)
        {
            var tiff = new byte[8 + 2 + 12 + 4];
            var little = !bigEndianExif;
            tiff[0] = tiff[1] = (byte)(little ? 'I' : 'M');
            Write16(tiff.AsSpan(2), 42, little);
            Write32(tiff.AsSpan(4), 8, little);
            Write16(tiff.AsSpan(8), 1, little);          // one entry
            Write16(tiff.AsSpan(10), 0x0112, little);    // orientation
            Write16(tiff.AsSpan(12), 3, little);         // SHORT
            Write32(tiff.AsSpan(14), 1, little);         // count
            Write16(tiff.AsSpan(18), (ushort)orientation, little);
            Segment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. tiff]);
        }

        var frame = new byte[6];
        frame[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(3), (ushort)width);
        frame[5] = 3;
        Segment(jpeg, 0xC0, frame);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    public static byte[] Gif(int width, int height)
    {
        var gif = new byte[13];
        Encoding.ASCII.GetBytes("GIF89a").CopyTo(gif, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(8), (ushort)height);
        return gif;
    }

    /// <summary>A WebP header of kind VP8 (lossy), VP8L (lossless) or VP8X (extended).</summary>
    public static byte[] WebP(string kind, int width, int height)
    {
        var webp = new byte[40];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(webp, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), 32);
        Encoding.ASCII.GetBytes("WEBP").CopyTo(webp, 8);
        Encoding.ASCII.GetBytes(kind).CopyTo(webp, 12);
        switch (kind)
        {
            case "VP8 ":
                webp[23] = 0x9D;
                webp[24] = 0x01;
                webp[25] = 0x2A;
                BinaryPrimitives.WriteUInt16LittleEndian(webp.AsSpan(26), (ushort)width);
                BinaryPrimitives.WriteUInt16LittleEndian(webp.AsSpan(28), (ushort)height);
                break;
            case "VP8L":
                webp[20] = 0x2F;
                BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(21), (uint)((width - 1) | ((height - 1) << 14)));
                break;
            default:
                Write24(webp.AsSpan(24), width - 1);
                Write24(webp.AsSpan(27), height - 1);
                break;
        }

        return webp;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Segment(Stream jpeg, byte marker, byte[] data)
    {
        jpeg.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)((data.Length + 2) & 0xFF)]);
        jpeg.Write(data);
    }

    private static void Write16(Span<byte> at, ushort value, bool little)
    {
        if (little) BinaryPrimitives.WriteUInt16LittleEndian(at, value); else BinaryPrimitives.WriteUInt16BigEndian(at, value);
    }

    private static void Write32(Span<byte> at, uint value, bool little)
    {
        if (little) BinaryPrimitives.WriteUInt32LittleEndian(at, value); else BinaryPrimitives.WriteUInt32BigEndian(at, value);
    }

    private static void Write24(Span<byte> at, int value)
    {
        at[0] = (byte)value;
        at[1] = (byte)(value >> 8);
        at[2] = (byte)(value >> 16);
    }
}
