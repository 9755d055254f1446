using System.Security.Cryptography;

namespace HetaoSite.Core.Tests.Writing;

/// <summary>
/// Makes an article cache entry whose page section does not decode but whose checksum still matches: what a forged
/// entry looks like to the reader, since a damaged one is refused at once by its checksum.
/// </summary>
internal static class DamagedPageSection
{
    /// <summary>A copy of <paramref name="entry"/> with every byte of its page section set to 0xFF (a number that never ends), checksum recomputed.</summary>
    public static byte[] Of(byte[] entry)
    {
        var damaged = (byte[])entry.Clone();
        var keyLength = damaged[8];
        var checksumAt = 9 + keyLength;
        var at = checksumAt + SHA256.HashSizeInBytes;
        var strings = Number(damaged, ref at);
        for (var i = 0; i < strings; i++)
        {
            var characters = Number(damaged, ref at);
            at += 2 * characters;
        }

        Assert.True(Number(damaged, ref at) == 1, "expected an entry with a value");
        var length = Number(damaged, ref at);
        Assert.True(length > 0, "expected a page section");
        damaged.AsSpan(at, length).Fill(0xFF);
        SHA256.HashData(damaged.AsSpan(checksumAt + SHA256.HashSizeInBytes), damaged.AsSpan(checksumAt, SHA256.HashSizeInBytes));
        return damaged;
    }

    private static int Number(byte[] bytes, ref int at)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
