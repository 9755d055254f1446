namespace HetaoSite.Core.Writing;

/// <summary>What <see cref="SiteWriter.Write"/> did: files written (new or changed), left alone because unchanged, and removed.</summary>
/// <param name="Written">Files whose bytes were written, because they are new or their content changed.</param>
/// <param name="Unchanged">Files whose bytes equal the previous output's; not touched (same inode, same modification time).</param>
/// <param name="Removed">Files of the previous output that the new build no longer has (e.g. pages of removed articles).</param>
/// <param name="BytesWritten">Total size of the <paramref name="Written"/> files.</param>
public sealed record WriteSummary(int Written, int Unchanged, int Removed, long BytesWritten)
{
    /// <summary>"12 written, 9,988 unchanged, 1 removed (40,960 bytes written)".</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Written:N0} written, {Unchanged:N0} unchanged, {Removed:N0} removed ({BytesWritten:N0} bytes written)");
}
