using System.IO.Enumeration;
using System.Runtime.ExceptionServices;
using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Writes a built site so that a failed write never leaves a half site, files of removed articles disappear, and
/// unchanged files are not rewritten.
/// </summary>
/// <remarks>
/// <para><b>First build</b> (no output folder yet): every file goes to a staging folder beside the target
/// (<c>._site.tmp-PID</c>), which is renamed into place when complete.</para>
/// <para><b>Later builds</b> update the output in place, in two phases, so the cost follows what changed rather than
/// the size of the site:</para>
/// <list type="number">
/// <item><b>Prepare.</b> Each output file is compared with the file at its path (one <c>stat</c>; a read only when
/// the sizes are equal). New and changed files are written next to their destination under a hidden temporary name.
/// If anything fails, the temporary files and any folders created for them are deleted and the old site is exactly
/// as it was.</item>
/// <item><b>Commit.</b> A journal beside the output (<c>._site.commit</c>) lists the renames and deletions; then each
/// temporary file is renamed over its destination (atomic per file, so a server never sends half a page), files the
/// build no longer produces are deleted, folders left empty are removed, and the journal is deleted. If the process
/// dies during the commit, the next write finishes it from the journal before doing anything else.</item>
/// </list>
/// <para>Why not always stage and swap the whole folder: that creates and deletes a folder per page on every build,
/// and deleting a large tree costs far more than comparing it. Unchanged files keep their inode and modification
/// time, which <c>serve</c>, rsync and browsers can rely on.</para>
/// <para>If an output path needs a folder where a file is, or a file where a folder is, the write falls back to the
/// staging folder and a swap.</para>
/// </remarks>
public static class SiteWriter
{
    private const string TemporaryPrefix = ".hetao-";
    private const string TemporarySuffix = ".tmp";

    /// <param name="files">The site.</param>
    /// <param name="outputDirectory">The output folder.</param>
    public static WriteSummary Write(IReadOnlyList<OutputFile> files, string outputDirectory)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new InvalidOperationException($"output folder has no parent: {target}");
        var journal = Path.Combine(parent, $".{Path.GetFileName(target)}.commit");
        var plan = Plan(files, target);
        Directory.CreateDirectory(parent);
        if (File.Exists(journal))
        {
            Commit(target, journal, ReadJournal(target, journal));
        }

        if (!Directory.Exists(target) || plan.Any(HasFolderConflict))
        {
            return Replace(plan, target, parent);
        }

        return Update(plan, target, journal);
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

    private sealed record Item(OutputFile File, string Path);

    private sealed record Change(string Temporary, string Destination);

    /// <summary>Checks every path before anything is touched, so a bad path fails the write with the old site intact.</summary>
    private static List<Item> Plan(IReadOnlyList<OutputFile> files, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<Item>(files.Count);
        foreach (var file in files)
        {
            var path = ResolveInside(target, file.Path);
            if (!seen.Add(path) || path.Length == target.Length + 1)
            {
                throw new InvalidOperationException($"output path '{file.Path}' is used twice or is not a file");
            }

            if (Path.GetFileName(path).StartsWith(TemporaryPrefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"output path '{file.Path}' uses the writer's reserved prefix '{TemporaryPrefix}'");
            }

            plan.Add(new Item(file, path));
        }

        foreach (var item in plan)
        {
            for (var folder = Path.GetDirectoryName(item.Path); folder is not null && folder.Length > target.Length; folder = Path.GetDirectoryName(folder))
            {
                if (seen.Contains(folder))
                {
                    throw new InvalidOperationException($"output path '{item.File.Path}' needs a folder where another output file is");
                }
            }
        }

        return plan;
    }

    private static WriteSummary Update(List<Item> plan, string target, string journal)
    {
        var changed = new bool[plan.Count];
        ForEach(Enumerable.Range(0, plan.Count), i => changed[i] = !IsSameFile(plan[i].Path, plan[i].File.Content));
        var changes = plan.Where((_, i) => changed[i]).ToList();
        var expected = plan.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var removed = FilesUnder(target).Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal).ToList();

        var created = new List<string>();
        var prepared = changes.Select(c => new Change(TemporaryFor(c.Path), c.Path)).ToList();
        var written = new long[changes.Count];
        try
        {
            foreach (var folder in changes.Select(c => Path.GetDirectoryName(c.Path)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                CreateFolder(folder, created);
            }

            ForEach(Enumerable.Range(0, changes.Count), i => written[i] = Place(prepared[i].Temporary, changes[i].File));
            WriteJournal(target, journal, prepared, removed);
        }
        catch
        {
            prepared.ForEach(p => TryDelete(p.Temporary));
            created.AsEnumerable().Reverse().ToList().ForEach(f => TryDeleteEmptyFolder(f));
            throw;
        }

        Commit(target, journal, (prepared, removed));
        return new WriteSummary(changes.Count, plan.Count - changes.Count, removed.Count, written.Sum());
    }

    /// <summary>Finishes a prepared update: renames, deletions, empty folders, then the journal. Safe to run twice.</summary>
    private static void Commit(string target, string journal, (List<Change> Renames, List<string> Deletions) work)
    {
        foreach (var change in work.Renames.Where(c => File.Exists(c.Temporary)))
        {
            File.Move(change.Temporary, change.Destination, overwrite: true);
        }

        foreach (var file in work.Deletions)
        {
            File.Delete(file);
        }

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

    /// <summary>First build, or a file/folder swap: a fresh folder renamed into place (the old one, if any, deleted after).</summary>
    private static WriteSummary Replace(List<Item> plan, string target, string parent)
    {
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Environment.ProcessId}");
        DeleteIfExists(staging);
        Directory.CreateDirectory(staging);
        try
        {
            var inStaging = plan.Select(p => Path.Combine(staging, Path.GetRelativePath(target, p.Path))).ToList();
            foreach (var folder in inStaging.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(folder);
            }

            var written = new long[plan.Count];
            ForEach(Enumerable.Range(0, plan.Count), i => written[i] = Place(inStaging[i], plan[i].File));
            var expected = plan.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
            var removed = Directory.Exists(target) ? FilesUnder(target).Count(f => !expected.Contains(f)) : 0;
            DeleteIfExists(retired);
            var hadTarget = Directory.Exists(target);
            if (hadTarget)
            {
                Directory.Move(target, retired);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch when (hadTarget)
            {
                Directory.Move(retired, target);
                throw;
            }

            DeleteIfExists(retired);
            return new WriteSummary(plan.Count, 0, removed, written.Sum());
        }
        catch
        {
            DeleteIfExists(staging);
            throw;
        }
    }

    /// <summary>Writes the file's bytes at <paramref name="path"/> (a new name); returns how many.</summary>
    private static long Place(string path, OutputFile file)
    {
        File.WriteAllBytes(path, file.Content);
        return file.Content.Length;
    }

    /// <summary>True when the new file needs a folder where the old site has a file, or a file where it has a folder.</summary>
    private static bool HasFolderConflict(Item item)
    {
        if (Directory.Exists(item.Path))
        {
            return true;
        }

        var folder = Path.GetDirectoryName(item.Path);
        return folder is not null && !Directory.Exists(folder) && AncestorIsFile(folder);
    }

    private static bool AncestorIsFile(string folder)
    {
        for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return true;
            }

            if (Directory.Exists(current))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="path"/> is a regular file (not a link someone put there) holding exactly
    /// <paramref name="content"/>: the sizes first (one <c>stat</c>), the bytes only when they are equal.
    /// </summary>
    private static bool IsSameFile(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.Length != content.Length)
        {
            return false;
        }

        try
        {
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string TemporaryFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $"{TemporaryPrefix}{Path.GetFileName(path)}.{Environment.ProcessId}{TemporarySuffix}");

    /// <summary>Journal lines: "R\ttemporary\tdestination" and "D\tpath", relative to the output folder.</summary>
    private static void WriteJournal(string target, string journal, List<Change> renames, List<string> deletions)
    {
        var text = new StringBuilder();
        renames.ForEach(c => text.Append("R\t").Append(Path.GetRelativePath(target, c.Temporary)).Append('\t').Append(Path.GetRelativePath(target, c.Destination)).Append('\n'));
        deletions.ForEach(d => text.Append("D\t").Append(Path.GetRelativePath(target, d)).Append('\n'));
        var temporary = journal + TemporarySuffix;
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, journal, overwrite: true);
    }

    private static (List<Change> Renames, List<string> Deletions) ReadJournal(string target, string journal)
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

    private static void CreateFolder(string folder, List<string> created)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        CreateFolder(Path.GetDirectoryName(folder)!, created);
        Directory.CreateDirectory(folder);
        created.Add(folder);
    }

    /// <summary>
    /// Every file under <paramref name="root"/> (hidden ones too), in no particular order. The folders of each level are
    /// read in parallel: a large site has a folder per page.
    /// </summary>
    internal static List<string> FilesUnder(string root)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        var files = new List<string>();
        List<string> level = [root];
        while (level.Count > 0)
        {
            var entries = new List<(string Path, bool IsFolder)>[level.Count];
            ForEach(Enumerable.Range(0, level.Count), i => entries[i] = [.. new FileSystemEnumerable<(string, bool)>(level[i],
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory), options)]);
            files.AddRange(entries.SelectMany(e => e).Where(e => !e.IsFolder).Select(e => e.Path));
            level = [.. entries.SelectMany(e => e).Where(e => e.IsFolder).Select(e => e.Path)];
        }

        return files;
    }

    /// <summary>Parallel.ForEach that throws the first failure itself (an IOException the CLI reports), not an AggregateException.</summary>
    private static void ForEach(IEnumerable<int> indexes, Action<int> action)
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

    private static bool TryDeleteEmptyFolder(string folder)
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

    private static void TryDelete(string file)
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

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
