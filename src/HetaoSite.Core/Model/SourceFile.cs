using System.Security.Cryptography;

namespace HetaoSite.Core.Model;

/// <summary>An article file from <c>seeds/</c>: its name (relative, '/'-separated), its bytes and their SHA-256.</summary>
public sealed record SourceFile(string FileName, byte[] Bytes)
{
    /// <summary>The SHA-256 of <see cref="Bytes"/>, upper-case hex: part of the article memo's key.</summary>
    public string ContentHash { get; } = HashOf(Bytes);

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    public override string ToString() => FileName;
}
