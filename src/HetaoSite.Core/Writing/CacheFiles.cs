namespace HetaoSite.Core.Writing;

/// <summary>
/// File handling shared by the disk caches: whole-file writes that a reader never sees half done, deletes that may
/// fail, and recognising the temporary files of a process that crashed between writing and renaming.
/// </summary>
internal static class CacheFiles
{
    private const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Writes <paramref name="bytes"/> to a unique temporary file beside <paramref name="path"/>
    /// (<c>{path}.{pid}-{guid}.tmp</c>) and renames it over <paramref name="path"/>. A read-only or full disk only
    /// costs speed: returns false and leaves nothing behind.
    /// </summary>
    public static bool TryWriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    public static bool IsTemporary(string file) => file.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    /// <summary>A temporary file of <see cref="TryWriteAtomically"/> whose writer process has ended.</summary>
    public static bool IsOrphan(string file)
    {
        if (!IsTemporary(file))
        {
            return false;
        }

        var name = Path.GetFileNameWithoutExtension(file);
        var owner = name[(name.LastIndexOf('.') + 1)..].Split('-')[0];
        if (!int.TryParse(owner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    public static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A count kept beside a cache (see <see cref="DiskPageCache.Prune"/>), or null when missing or unreadable.</summary>
    public static int? ReadCount(string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(file).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                ? count : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void WriteCount(string file, int count) =>
        TryWriteAtomically(file, System.Text.Encoding.ASCII.GetBytes(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
