namespace HetaoSite.Cli.Tests.TestSupport;

/// <summary>
/// A throwaway site folder: site-config.yml, seeds/ and a copy of the repository's real templates/, deleted on dispose.
/// </summary>
public sealed class TempSite : IDisposable
{
    public TempSite(string config = "site:\n  title: 測試\n")
    {
        Root = Path.Combine(Path.GetTempPath(), "hetao-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Seeds);
        File.WriteAllText(Config, config);
        CopyDirectory(Path.Combine(RepositoryRoot, "templates"), Templates);
    }

    public string Root { get; }

    public string Config => Path.Combine(Root, "site-config.yml");

    public string Seeds => Path.Combine(Root, "seeds");

    public string Templates => Path.Combine(Root, "templates");

    public string Output => Path.Combine(Root, "_site");

    public static string RepositoryRoot { get; } = FindRoot();

    public string AddArticle(string name, string text)
    {
        var path = Path.Combine(Seeds, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string AddArticle(string name, byte[] bytes)
    {
        var path = Path.Combine(Seeds, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Arguments for build/check pointing at this site.</summary>
    public string[] Args(params string[] extra) => ["--config", Config, "--out", Output, .. extra];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HetaoSite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HetaoSite.sln not found");
    }
}
