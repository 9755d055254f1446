using System.Security.Cryptography;
using HetaoSite.Cli.Commands;

namespace HetaoSite.Cli.Tests.TestSupport;

/// <summary>A site folder under the temp directory (config, seeds/, templates/), deleted on dispose.</summary>
public sealed class TempSite : IDisposable
{
    private TempSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "hetao-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Seeds);
        Directory.CreateDirectory(Templates);
    }

    public string Root { get; }

    public string Config => Path.Combine(Root, "site-config.yml");

    public string Seeds => Path.Combine(Root, "seeds");

    public string Templates => Path.Combine(Root, "templates");

    public string Output => Path.Combine(Root, "_site");

    /// <summary>The repository's seeds and templates, with <paramref name="config"/> as the config (the repository's when null).</summary>
    public static TempSite CopyOfRepository(string? config = null)
    {
        var site = new TempSite();
        CopyDirectory(Path.Combine(RepositoryRoot, "seeds"), site.Seeds);
        CopyDirectory(Path.Combine(RepositoryRoot, "templates"), site.Templates);
        File.WriteAllText(site.Config, config ?? File.ReadAllText(Path.Combine(RepositoryRoot, "site-config.yml")));
        return site;
    }

    public static TempSite Empty() => new();

    /// <summary>A site with the repository's real templates, no articles, and <paramref name="config"/>.</summary>
    public static TempSite WithTemplates(string config = "site:\n  title: 測試\n")
    {
        var site = new TempSite();
        CopyDirectory(Path.Combine(RepositoryRoot, "templates"), site.Templates);
        File.WriteAllText(site.Config, config);
        return site;
    }

    public string AddArticle(string name, string text) => AddArticle(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string AddArticle(string name, byte[] bytes)
    {
        var path = Path.Combine(Seeds, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The folder holding HetaoSite.sln, found from the test's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The build options that point at this site, plus <paramref name="extra"/>.</summary>
    public string[] Args(params string[] extra) => ["--config", Config, "--seeds", Seeds, "--templates", Templates, .. extra];

    /// <summary><see cref="Args"/> plus the output folder, for build.</summary>
    public string[] BuildArgs(params string[] extra) => [.. Args(extra), "--out", Output];

    public CommandArguments BuildArguments(params string[] extra) =>
        CommandArguments.Parse(Args(extra), BuildCommand.ValuedOptions, BuildCommand.Switches);

    /// <summary>SHA-256 of every file under <paramref name="folder"/>, by relative path.</summary>
    public static IReadOnlyDictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(path => Path.GetRelativePath(folder, path), path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a watcher or a late write still holds something; the temp folder is cleaned by the system
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HetaoSite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"HetaoSite.sln not found above {AppContext.BaseDirectory}");
    }
}
