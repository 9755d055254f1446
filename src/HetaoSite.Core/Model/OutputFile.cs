namespace HetaoSite.Core.Model;

/// <summary>A file of the built site: its path relative to the output root ('/'-separated) and its bytes.</summary>
/// <remarks>A kept file (<see cref="Keep"/>) has no bytes: the page is unchanged since the previous build, and the file
/// already in the output folder stays as it is.</remarks>
public sealed record OutputFile(string Path, byte[] Content)
{
    /// <summary>True when the file already in the output folder is this file, to be left as it is.</summary>
    public bool Keep { get; init; }

    /// <summary>The page at <paramref name="path"/>, unchanged since the build that wrote it.</summary>
    public static OutputFile Kept(string path) => new(path, []) { Keep = true };

    public override string ToString() => Path;
}
