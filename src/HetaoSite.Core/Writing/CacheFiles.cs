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

    /// <summary>
    /// Prunes the cache folder <paramref name="root"/>: deletes entries that <paramref name="isStale"/> calls unused
    /// once it holds more than <paramref name="keep"/> entries, files that <paramref name="isEntry"/> rejects when they
    /// are leftovers (orphaned temporary files, older formats), and nothing else.
    /// </summary>
    /// <remarks>
    /// Listing tens of thousands of entries costs more than a small rebuild, so the number of entries is kept beside
    /// the folder (<c>{root}.count</c>) and the listing is skipped while that number plus this build's
    /// <paramref name="writes"/> is at most <paramref name="keep"/>: nothing would be deleted. Leftovers then wait for
    /// the next full prune.
    /// </remarks>
    /// <returns>The number of files deleted.</returns>
    public static int Prune(string root, int keep, int writes, Func<string, bool> isEntry, Func<string, bool> isStale, Func<string, bool> isLeftover)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var countFile = root.TrimEnd(Path.DirectorySeparatorChar) + ".count";
        if (ReadCount(countFile) is { } known && known + writes <= keep)
        {
            if (writes > 0)
            {
                WriteCount(countFile, known + writes);
            }

            return 0;
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
        var entries = files.Count(isEntry);
        var (count, remaining) = (0, entries);
        foreach (var file in files)
        {
            var entry = isEntry(file);
            var stale = entry ? entries > keep && isStale(file) : isLeftover(file);
            if (stale && TryDelete(file))
            {
                count++;
                if (entry)
                {
                    remaining--;
                }
            }
        }

        WriteCount(countFile, remaining);
        return count;
    }

    /// <summary>A count kept beside a cache (see <see cref="Prune"/>), or null when missing or unreadable.</summary>
    private static int? ReadCount(string file)
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

    private static void WriteCount(string file, int count) =>
        TryWriteAtomically(file, System.Text.Encoding.ASCII.GetBytes(count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
