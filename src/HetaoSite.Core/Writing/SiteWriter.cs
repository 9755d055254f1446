using System.Buffers;
using System.IO.Enumeration;
using System.Runtime.ExceptionServices;
using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Writes a built site through an <see cref="OutputSession"/> (see there for the guarantees), and the file-system
/// steps the session is made of.
/// </summary>
public static class SiteWriter
{
    internal const string TemporaryPrefix = ".hetao-";
    private const string TemporarySuffix = ".tmp";

    /// <summary>How many renames or deletions run at once (<see cref="OnWaitingThreads"/>).</summary>
    private const int WaitingThreads = 8;

    /// <summary>
    /// Starts writing a site to <paramref name="outputDirectory"/>: hand it each file as it is rendered, then commit it
    /// (or dispose it to leave the old site as it was). Finishes an interrupted commit first.
    /// </summary>
    public static OutputSession Open(string outputDirectory) => new(outputDirectory);

    /// <summary>Writes the files of a site built in memory.</summary>
    /// <param name="files">The site.</param>
    /// <param name="outputDirectory">The output folder.</param>
    public static WriteSummary Write(IReadOnlyList<OutputFile> files, string outputDirectory)
    {
        using var session = Open(outputDirectory);
        ForEach(Enumerable.Range(0, files.Count), i => session.Add(files[i]));
        return session.Commit();
    }

    /// <summary>The full path of <paramref name="relativePath"/> under <paramref name="root"/>; throws if it would leave the root.</summary>
    public static string ResolveInside(string root, string relativePath)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path '{relativePath}' is not a relative path");
        }

        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath));
        if (!full.StartsWith(fullRoot, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path '{relativePath}' would leave the output folder");
        }

        return full;
    }

    internal sealed record Change(string Temporary, string Destination);

    /// <summary>Finishes a prepared update: renames, deletions, empty folders, then the journal. Safe to run twice.</summary>
    internal static void Commit(string target, string journal, (List<Change> Renames, List<string> Deletions) work)
    {
        OnWaitingThreads(work.Renames.Count, i =>
        {
            var change = work.Renames[i];
            if (File.Exists(change.Temporary))
            {
                // Removed first rather than replaced: renaming over an existing file makes ext4 start writing the new
                // file's data at once (auto_da_alloc), which holds the rename up; a new name leaves that to the
                // kernel's writeback, as for any file written. An interrupted commit finishes the rename from the journal.
                File.Delete(change.Destination);
                File.Move(change.Temporary, change.Destination);
            }
        });
        OnWaitingThreads(work.Deletions.Count, i => File.Delete(work.Deletions[i]));

        foreach (var folder in work.Deletions.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).OrderByDescending(f => f!.Length))
        {
            for (var current = folder; current is not null && current.Length > target.Length; current = Path.GetDirectoryName(current))
            {
                if (!TryDeleteEmptyFolder(current))
                {
                    break;
                }
            }
        }

        File.Delete(journal);
    }

    /// <summary>
    /// True when <paramref name="path"/> is a regular file (not a link someone put there) holding exactly
    /// <paramref name="content"/>: the sizes first (one <c>stat</c>), the bytes only when they are equal.
    /// </summary>
    internal static bool IsSameFile(string path, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.Length != content.Length)
        {
            return false;
        }

        // Read in pieces into one pooled buffer: pages are compared on the render threads, and a whole copy of each
        // old file would be garbage as large as the site.
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            for (var offset = 0; offset < content.Length;)
            {
                var read = stream.Read(buffer, 0, Math.Min(buffer.Length, content.Length - offset));
                if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(content.Slice(offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            return stream.Read(buffer, 0, 1) == 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>, a staging or temporary name that does not exist yet
    /// unless an interrupted build left it. The file is created with <see cref="FileMode.CreateNew"/>:
    /// <see cref="File.WriteAllBytes(string, byte[])"/> opens with <see cref="FileMode.Create"/>, which on Unix truncates
    /// the file after opening it even when it was just created, and on ext4 a file truncated to empty has its data
    /// written out as soon as it is closed, file by file, instead of later with the rest.
    /// </summary>
    internal static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(handle, content, fileOffset: 0);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.WriteAllBytes(path, content);
        }
    }

    internal static string TemporaryFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $"{TemporaryPrefix}{Path.GetFileName(path)}.{Environment.ProcessId}{TemporarySuffix}");

    /// <summary>Journal lines: "R\ttemporary\tdestination" and "D\tpath", relative to the output folder.</summary>
    internal static void WriteJournal(string target, string journal, List<Change> renames, List<string> deletions)
    {
        var text = new StringBuilder();
        renames.ForEach(c => text.Append("R\t").Append(Path.GetRelativePath(target, c.Temporary)).Append('\t').Append(Path.GetRelativePath(target, c.Destination)).Append('\n'));
        deletions.ForEach(d => text.Append("D\t").Append(Path.GetRelativePath(target, d)).Append('\n'));
        var temporary = journal + TemporarySuffix;
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, journal, overwrite: true);
    }

    internal static (List<Change> Renames, List<string> Deletions) ReadJournal(string target, string journal)
    {
        var renames = new List<Change>();
        var deletions = new List<string>();
        foreach (var line in File.ReadAllLines(journal))
        {
            var parts = line.Split('\t');
            if (parts is ["R", var temporary, var destination])
            {
                renames.Add(new Change(ResolveInside(target, temporary), ResolveInside(target, destination)));
            }
            else if (parts is ["D", var deleted])
            {
                deletions.Add(ResolveInside(target, deleted));
            }
        }

        return (renames, deletions.Where(File.Exists).ToList());
    }

    internal static void CreateFolder(string folder, List<string> created)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        CreateFolder(Path.GetDirectoryName(folder)!, created);
        Directory.CreateDirectory(folder);
        created.Add(folder);
    }

    /// <summary>Every file under <paramref name="root"/> (hidden ones too), in no particular order.</summary>
    internal static List<string> FilesUnder(string root)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        var files = new List<string>();
        var folders = new Stack<string>([root]);
        while (folders.TryPop(out var folder))
        {
            foreach (var (path, isFolder) in new FileSystemEnumerable<(string, bool)>(folder, (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory), options))
            {
                if (isFolder)
                {
                    folders.Push(path);
                }
                else
                {
                    files.Add(path);
                }
            }
        }

        return files;
    }

    /// <summary>Parallel.ForEach that throws the first failure itself (an IOException the CLI reports), not an AggregateException.</summary>
    internal static void ForEach(IEnumerable<int> indexes, Action<int> action)
    {
        try
        {
            Parallel.ForEach(indexes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, action);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> for every index below <paramref name="count"/> on threads of its own, more of them
    /// than there are cores, and throws the first exception once they have all stopped. For renames and deletions, which
    /// mostly wait on the file system: a file whose data is freed (deleted, or replaced by a rename) waits for the device
    /// when the file system discards freed blocks, and files in different folders are renamed or deleted side by side.
    /// The thread pool would add threads for that only slowly.
    /// </summary>
    internal static void OnWaitingThreads(int count, Action<int> action)
    {
        const int PerThread = 64;
        var threads = Math.Min(WaitingThreads, (count + PerThread - 1) / PerThread);
        if (threads <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                action(i);
            }

            return;
        }

        var next = -1;
        ExceptionDispatchInfo? failure = null;
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < count && Volatile.Read(ref failure) is null; i = Interlocked.Increment(ref next))
                {
                    action(i);
                }
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
            }
        }) { IsBackground = true }).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        failure?.Throw();
    }

    internal static bool TryDeleteEmptyFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Someone else put something there; leaving an empty folder is harmless.
        }

        return false;
    }

    internal static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort while undoing a failed write.
        }
    }

    internal static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
