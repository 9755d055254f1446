using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Loading;

/// <summary>Bounded random input for the loader: any bytes, any extension — a value or a diagnostic, never an exception.</summary>
public class ArticleLoaderPropertyTests
{
    private static readonly string[] Extensions = [".txt", ".md", ".html"];

    [Property(MaxTest = 300)]
    public void Random_bytes_never_throw_and_errors_name_the_file(byte[] bytes, PositiveInt pick)
    {
        var name = "random" + Extensions[pick.Get % Extensions.Length];
        var result = ArticleLoader.Load(new SourceFile(name, bytes ?? []), BuildLimits.Default);
        Assert.True(result.Value is not null || result.HasErrors, "expected an article or an error");
        Assert.All(result.Diagnostics, d => Assert.Equal(name, d.File));
    }

    [Property(MaxTest = 200)]
    public void Random_text_with_markup_and_front_matter_never_throws(NonNull<string> text, bool frontMatter, PositiveInt pick)
    {
        var body = frontMatter ? "---\ntitle: t\ndate: 2024-01-02\n---\n" + text.Get : text.Get;
        var name = "random" + Extensions[pick.Get % Extensions.Length];
        var result = ArticleLoader.Load(new SourceFile(name, Encoding.UTF8.GetBytes(body)), BuildLimits.Default);
        Assert.True(result.Value is not null || result.HasErrors, "expected an article or an error");
    }

    [Fact]
    public void Event_handlers_and_script_urls_never_survive_html_reading()
    {
        const string html = "<html><head><title>t</title><meta property=\"article:published_time\" content=\"2024-01-02\"></head><body><article>"
            + "<p onclick=\"steal()\">河套<a href=\"javascript:steal()\">點擊</a><o:p>保留文字</o:p></p></article></body></html>";
        var result = ArticleLoader.Load(new SourceFile("a.html", Encoding.UTF8.GetBytes(html)), BuildLimits.Default);
        var text = string.Join("\n", result.Value!.Blocks.Select(b => b.Text));
        Assert.Contains("保留文字", text, StringComparison.Ordinal);
        Assert.DoesNotContain("steal", text, StringComparison.Ordinal);
    }
}
