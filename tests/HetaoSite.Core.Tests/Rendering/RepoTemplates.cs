using HetaoSite.Core.Loading;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>The repository's real templates/ folder, found by walking up from the test assembly to HetaoSite.sln.</summary>
public static class RepoTemplates
{
    private static readonly Lazy<IReadOnlyList<TemplateFile>> Files = new(() =>
    {
        var root = Path.Combine(RepositoryRoot.Path, "templates");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => new TemplateFile(Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes(p)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    });

    public static IReadOnlyList<TemplateFile> All => Files.Value;

    /// <summary>The templates with one file replaced (or added).</summary>
    public static IReadOnlyList<TemplateFile> With(string path, string text) =>
        [.. All.Where(f => f.Path != path), new TemplateFile(path, System.Text.Encoding.UTF8.GetBytes(text))];
}
