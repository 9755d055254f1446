using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Writing;

/// <summary>
/// <c>hetao build</c> run as a real process from two different working directories (default paths are relative to
/// it) gives byte-identical sites, and the disk cache lands in <c>.hetao-cache/</c> beside the config.
/// </summary>
public sealed class ReproducibleCliBuildTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-cli-repro-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Builds_from_different_working_directories_are_byte_identical()
    {
        var first = CopySite(Path.Combine(_root, "a"));
        var second = CopySite(Path.Combine(_root, "b 乙", "site"));

        var (code1, output1) = Hetao(first, "build", "--keep-going", "--verbose");
        var (code2, output2) = Hetao(second, "build", "--keep-going", "--no-cache");

        Assert.True(code1 == 0, $"expected exit 0, got {code1}: {output1}");
        Assert.True(code2 == 0, $"expected exit 0, got {code2}: {output2}");
        Assert.Contains("written", output1, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(first, ".hetao-cache", "articles")), "expected the cache beside site-config.yml");
        Assert.False(Directory.Exists(Path.Combine(second, ".hetao-cache")), "expected no cache with --no-cache");
        var files1 = SiteFiles.Read(Path.Combine(first, "_site"));
        var files2 = SiteFiles.Read(Path.Combine(second, "_site"));
        Assert.Equal(files1.Keys, files2.Keys);
        foreach (var (path, bytes) in files1)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(files2[path]), $"expected {path} to be byte-identical");
            Assert.DoesNotContain(_root, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    private static (int Code, string Output) Hetao(string workingDirectory, params string[] args) =>
        CliProcess.Run(workingDirectory, "dotnet", [Path.Combine(AppContext.BaseDirectory, "hetao.dll"), .. args]);

    private static string CopySite(string destination)
    {
        var repository = TempSite.RepositoryRoot;
        Directory.CreateDirectory(destination);
        File.Copy(Path.Combine(repository, "site-config.yml"), Path.Combine(destination, "site-config.yml"));
        foreach (var folder in new[] { "seeds", "templates" })
        {
            var from = Path.Combine(repository, folder);
            Directory.CreateDirectory(Path.Combine(destination, folder));
            foreach (var file in Directory.Exists(from) ? Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories) : [])
            {
                var to = Path.Combine(destination, folder, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        return destination;
    }
}
