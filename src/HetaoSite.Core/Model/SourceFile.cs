namespace HetaoSite.Core.Model;

/// <summary>An article file exactly as read from <c>seeds/</c>: its name (relative, '/'-separated) and its bytes.</summary>
public sealed record SourceFile(string FileName, byte[] Bytes);
