using System.Text;
using System.Text.Json;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>Renders the site's pages and data files. (Interim: data files only.)</summary>
public static class SiteRenderer
{
    public static StageResult<IReadOnlyList<OutputFile>> Render(SiteContent content, IReadOnlyList<TemplateFile> templates)
    {
        var articles = JsonSerializer.SerializeToUtf8Bytes(new { articles = content.Articles.Select(a => new { id = a.Article.Id, file = a.Article.FileName }) });
        return StageResult<IReadOnlyList<OutputFile>>.Ok([new OutputFile("data/articles.json", articles), new OutputFile("index.html", Encoding.UTF8.GetBytes("<!doctype html>"))]);
    }
}
