using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Writes a built site. The files go to a fresh folder beside the target, which replaces the target only when every
/// file is written: a failed write never leaves a half site, and files of removed articles never linger.
/// </summary>
public static class SiteWriter
{
    public static void Write(IReadOnlyList<OutputFile> files, string outputDirectory)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new InvalidOperationException($"output folder has no parent: {target}");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Environment.ProcessId}");
        DeleteIfExists(staging);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var file in files)
            {
                var path = ResolveInside(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }

            DeleteIfExists(retired);
            if (Directory.Exists(target))
            {
                Directory.Move(target, retired);
            }

            Directory.Move(staging, target);
            DeleteIfExists(retired);
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

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
