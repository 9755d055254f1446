using System.Text.RegularExpressions;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests;

/// <summary>Design rules that a reviewer would otherwise have to remember (Statiq's QualityFixture idea).</summary>
public partial class ArchitectureTests
{
    // Folders of the engine allowed to touch the disk: loading reads, writing writes (and caches). Conversion only probes
    // where the OS package installed OpenCC's data files before binding the native library. Everything else is pure.
    private static readonly string[] DiskFolders = ["Loading", "Writing", "Conversion"];

    [GeneratedRegex(@"\b(File|Directory|FileInfo|DirectoryInfo|FileStream|StreamWriter|FileSystemWatcher)\s*[\.(]")]
    private static partial Regex DiskApi();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|CultureInfo\.CurrentCulture|\bConsole\.")]
    private static partial Regex AmbientApi();

    public static TheoryData<string> EngineFiles()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EngineFiles))]
    public void Only_loading_and_writing_touch_the_disk(string file)
    {
        if (DiskFolders.Any(folder => file.StartsWith(folder + "/", StringComparison.Ordinal)))
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", file));
        var match = DiskApi().Match(StripComments(text));
        Assert.False(match.Success, $"expected no disk access outside Loading/ and Writing/, found '{match.Value}' in {file}");
    }

    [Theory]
    [MemberData(nameof(EngineFiles))]
    public void The_engine_reads_no_clock_culture_or_console(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", file));
        var match = AmbientApi().Match(StripComments(text));
        Assert.False(match.Success, $"expected no ambient input in the engine, found '{match.Value}' in {file}");
    }

    [Fact]
    public void Only_the_cli_references_asp_net_core()
    {
        var core = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", "HetaoSite.Core.csproj"));
        Assert.DoesNotContain("Microsoft.AspNetCore", core, StringComparison.Ordinal);
    }

    private static string StripComments(string code) =>
        string.Join('\n', code.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
}
