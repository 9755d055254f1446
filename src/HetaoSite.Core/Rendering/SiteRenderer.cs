using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>Renders the site's pages and data files. (Interim: data files only.)</summary>
public static class SiteRenderer
{
    public static StageResult<IReadOnlyList<OutputFile>> Render(SiteContent content, IReadOnlyList<TemplateFile> templates)
    {
        return StageResult<IReadOnlyList<OutputFile>>.Ok([.. DataFiles.Render(content)]);
    }
}
