using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Writes a built site atomically and incrementally.
/// </summary>
/// <remarks>
/// <para>The new site is assembled in a staging folder beside the target (<c>._site.tmp-PID</c>), which replaces the
/// target only when every file is in place: a failed write never leaves a half site, and files of removed articles
/// never linger, because the staging folder holds exactly the files of this build.</para>
/// <para>Unchanged pages are not rewritten: a file whose bytes equal the file at the same path in the current output
/// is hard-linked from there into the staging folder (<c>link(2)</c>; one system call, no data, same inode and
/// modification time, so <c>serve</c>, rsync and browsers see it unchanged). Only new and changed files are written.
/// Where hard links are not possible (Windows, another file system) the old file is copied instead, which still
/// leaves the live site untouched until the swap. Comparing costs one <c>stat</c> per file, and a read only when the
/// sizes are equal.</para>
/// <para>The swap is two renames (target → <c>.old</c>, staging → target); if the second fails the first is undone.</para>
/// </remarks>
public static class SiteWriter
{
    public static WriteSummary Write(IReadOnlyList<OutputFile> files, string outputDirectory)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new InvalidOperationException($"output folder has no parent: {target}");
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Environment.ProcessId}");
        var plan = Plan(files, staging, target);
        Directory.CreateDirectory(parent);
        DeleteIfExists(staging);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var directory in plan.Select(p => Path.GetDirectoryName(p.StagingPath)!).Distinct(StringComparer.Ordinal))
            {
                Directory.CreateDirectory(directory);
            }

            var written = 0;
            var linked = 0;
            var copied = 0;
            long bytes = 0;
            ForEach(plan, item =>
            {
                switch (Place(item))
                {
                    case Outcome.Linked:
                        Interlocked.Increment(ref linked);
                        break;
                    case Outcome.Copied:
                        Interlocked.Increment(ref copied);
                        break;
                    default:
                        Interlocked.Increment(ref written);
                        Interlocked.Add(ref bytes, item.File.Content.Length);
                        break;
                }
            });

            var removed = CountRemoved(target, plan);
            Swap(staging, target, retired);
            return new WriteSummary(written, linked + copied, removed, bytes, Linked: copied == 0);
        }
        catch
        {
            DeleteIfExists(staging);
            throw;
        }
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

    private enum Outcome
    {
        Written,
        Linked,
        Copied,
    }

    private sealed record Item(OutputFile File, string StagingPath, string CurrentPath);

    /// <summary>Checks every path before anything is touched, so a bad path fails the write with the old site intact.</summary>
    private static List<Item> Plan(IReadOnlyList<OutputFile> files, string staging, string target)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<Item>(files.Count);
        foreach (var file in files)
        {
            var path = ResolveInside(staging, file.Path);
            if (!seen.Add(path))
            {
                throw new InvalidOperationException($"two output files have the same path '{file.Path}'");
            }

            plan.Add(new Item(file, path, Path.Combine(target, Path.GetRelativePath(staging, path))));
        }

        foreach (var item in plan)
        {
            for (var folder = Path.GetDirectoryName(item.StagingPath); folder is not null && folder.Length > staging.Length; folder = Path.GetDirectoryName(folder))
            {
                if (seen.Contains(folder))
                {
                    throw new InvalidOperationException($"output path '{item.File.Path}' needs a folder where another output file is");
                }
            }
        }

        return plan;
    }

    private static Outcome Place(Item item)
    {
        if (IsSameFile(item.CurrentPath, item.File.Content))
        {
            if (HardLinks.TryCreate(item.CurrentPath, item.StagingPath))
            {
                return Outcome.Linked;
            }

            File.Copy(item.CurrentPath, item.StagingPath);
            return Outcome.Copied;
        }

        File.WriteAllBytes(item.StagingPath, item.File.Content);
        return Outcome.Written;
    }

    /// <summary>True when <paramref name="path"/> is a regular file (not a link someone put there) holding exactly <paramref name="content"/>.</summary>
    private static bool IsSameFile(string path, byte[] content)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != content.Length || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
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

    /// <summary>Parallel.ForEach that throws the first failure itself (an IOException the CLI reports), not an AggregateException.</summary>
    private static void ForEach(List<Item> plan, Action<Item> action)
    {
        try
        {
            Parallel.ForEach(plan, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, action);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    private static int CountRemoved(string target, List<Item> plan)
    {
        if (!Directory.Exists(target))
        {
            return 0;
        }

        var kept = plan.Select(p => p.CurrentPath).ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Count(f => !kept.Contains(f));
    }

    private static void Swap(string staging, string target, string retired)
    {
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
    }

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
