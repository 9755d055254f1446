using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests;

/// <summary>The one entry point every building command calls: read sources → process articles → merge → render → write.</summary>
public sealed class SiteBuilderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-builder-test-" + Guid.NewGuid().ToString("N")[..12]);

    public SiteBuilderTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));
        File.WriteAllText(Path.Combine(_root, "site-config.yml"), "site:\n  title: 測試\n");
        File.WriteAllText(Path.Combine(_root, "seeds", "dated.md"), "---\ntitle: 有日期\ndate: 2024-08-09\n---\n\n2024年6月，國際產業中試集聚區在河套深圳園區成立。\n");
        // No publication date anywhere: warning HS0001, and the article is built undated.
        File.WriteAllText(Path.Combine(_root, "seeds", "undated.txt"), "河套深港科技創新合作區\n合作區不斷發展。\n");
    }

    private SiteInputs Inputs => new(Path.Combine(_root, "site-config.yml"), Path.Combine(_root, "seeds"), Path.Combine(RepositoryRoot.Path, "templates"));

    private string Output => Path.Combine(_root, "_site");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Without_an_output_the_build_stays_in_memory()
    {
        var build = SiteBuilder.Build(Inputs, new BuildContext(new DateOnly(2025, 6, 30), Converter: null));

        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        Assert.True(build.Written is null, $"expected nothing written, got {build.Written}");
        Assert.Contains(build.Files, f => f.Path == "index.html");
        Assert.Equal(["dated.md", "undated.txt"], build.ArticleFiles.Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Output), "expected no output folder");
    }

    [Fact]
    public void A_build_with_an_output_writes_there_and_a_strict_one_with_a_warning_leaves_it_as_it_was()
    {
        var context = new BuildContext(new DateOnly(2025, 6, 30), Converter: null);
        var first = SiteBuilder.Build(Inputs, context, Output);
        Assert.True(first.Written is { Written: > 0 }, $"expected the site written, got {first.Written?.ToString() ?? "nothing"}: {string.Join("\n", first.Diagnostics)}");
        var before = Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

        File.AppendAllText(Path.Combine(_root, "seeds", "dated.md"), "2024年7月，另一件事。\n");
        var strict = SiteBuilder.Build(Inputs, context with { Strict = true }, Output);

        Assert.True(strict.HasErrors, "expected --strict to make the missing publication date an error");
        Assert.Contains(strict.Diagnostics, d => d is { Severity: Severity.Error, File: "undated.txt" });
        Assert.True(strict.Written is null, $"expected nothing written, got {strict.Written}");
        var after = Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        Assert.True(before.Count == after.Count && before.Zip(after).All(p => p.First.AsSpan().SequenceEqual(p.Second)), "expected the previous output untouched");
    }

    /// <summary>
    /// Files are written while pages render (the data files first, then pages in parallel); a template error on one page
    /// after others were written must still leave the previous output, or the absence of one, exactly as it was.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_error_in_the_middle_of_rendering_leaves_the_previous_output_as_it_was(bool previousOutput)
    {
        var templates = Path.Combine(_root, "templates");
        CopyFolder(Path.Combine(RepositoryRoot.Path, "templates"), templates);
        var article = Path.Combine(templates, "layouts", "article.scriban-html");
        File.WriteAllText(article, File.ReadAllText(article).Replace("{{~ a = page.article ~}}",
            "{{~ a = page.article ~}}{{ if a.title == \"壞了\"; no_such_name; end }}", StringComparison.Ordinal));
        var inputs = Inputs with { Templates = templates };
        var context = new BuildContext(new DateOnly(2025, 6, 30), Converter: null);
        if (previousOutput)
        {
            Assert.True(SiteBuilder.Build(inputs, context, Output).Written is { Written: > 0 }, "expected the first build written");
        }

        var before = Snapshot();
        File.AppendAllText(Path.Combine(_root, "seeds", "dated.md"), "2024年7月，另一件事。\n");
        File.WriteAllText(Path.Combine(_root, "seeds", "broken.md"), "---\ntitle: 壞了\ndate: 2024-09-01\n---\n\n2024年8月，合作區舉辦論壇。\n");

        var failed = SiteBuilder.Build(inputs, context, Output);

        Assert.True(failed.Diagnostics.Any(d => d is { Severity: Severity.Error, Code: HetaoSite.Core.Rendering.SiteRenderer.RuntimeErrorCode }),
            $"expected a template error, got: {string.Join("\n", failed.Diagnostics)}");
        Assert.True(failed.Written is null, $"expected nothing written, got {failed.Written}");
        Assert.Equal(before, Snapshot());
        var beside = Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Where(n => n!.StartsWith("._site", StringComparison.Ordinal));
        Assert.True(!beside.Any(), $"expected no staging folder or journal beside the output, found {string.Join(", ", beside)}");
    }

    /// <summary>Every file and folder under the output (relative path → bytes; folders as empty), or nothing without one.</summary>
    private SortedDictionary<string, string> Snapshot() => !Directory.Exists(Output) ? [] : new(
        Directory.EnumerateFileSystemEntries(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f), f => File.Exists(f) ? Convert.ToHexString(File.ReadAllBytes(f)) : "<folder>"),
        StringComparer.Ordinal);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
