namespace HetaoSite.Core.Tests.Rendering;

public sealed class SmokeTests
{
    [Fact]
    public void Sample_renders_without_diagnostics()
    {
        var site = RenderedSite.Sample(converter: true);
        Assert.True(site.Diagnostics.Count == 0, string.Join("\n", site.Diagnostics));
        var dir = Path.Combine(Path.GetTempPath(), "hetao-smoke");
        foreach (var (path, bytes) in site.Files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }
}
