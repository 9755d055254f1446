namespace HetaoSite.Core.Writing;

/// <summary>What <see cref="SiteWriter.Write"/> did: files written (new or changed), carried over unchanged, and removed.</summary>
/// <param name="Written">Files whose bytes were written, because they are new or their content changed.</param>
/// <param name="Unchanged">Files whose bytes equal the previous output's and were carried over without rewriting.</param>
/// <param name="Removed">Files of the previous output that the new build no longer has (e.g. pages of removed articles).</param>
/// <param name="BytesWritten">Total size of the <paramref name="Written"/> files.</param>
/// <param name="Linked">True when unchanged files were hard-linked (their inode and modification time are kept); false when copied.</param>
public sealed record WriteSummary(int Written, int Unchanged, int Removed, long BytesWritten, bool Linked)
{
    /// <summary>"12 written, 9,988 unchanged, 1 removed (hard-linked)".</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Written:N0} written, {Unchanged:N0} unchanged, {Removed:N0} removed ({(Linked ? "hard-linked" : "copied")}; {BytesWritten:N0} bytes written)");
}
