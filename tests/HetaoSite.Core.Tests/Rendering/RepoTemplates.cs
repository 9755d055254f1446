using HetaoSite.Core.Loading;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>The repository's real templates/ folder, found by walking up from the test assembly to HetaoSite.sln.</summary>
public static class RepoTemplates
{
    private static readonly Lazy<IReadOnlyList<TemplateFile>> Files = new(() =>
    {
        var root = Path.Combine(RepoRoot(), "templates");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => new TemplateFile(Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes(p)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    });

    public static IReadOnlyList<TemplateFile> All => Files.Value;

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HetaoSite.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"HetaoSite.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The templates with one file replaced (or added).</summary>
    public static IReadOnlyList<TemplateFile> With(string path, string text) =>
        [.. All.Where(f => f.Path != path), new TemplateFile(path, System.Text.Encoding.UTF8.GetBytes(text))];
}
