using System.Text;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>Decodes an article file and splits it into metadata and text blocks. (Interim: UTF-8 text only.)</summary>
public static class ArticleLoader
{
    public static StageResult<RawArticle?> Load(SourceFile file, BuildLimits limits)
    {
        var text = Encoding.UTF8.GetString(file.Bytes).Replace("\r\n", "\n");
        var blocks = text.Split('\n')
            .Select((line, index) => new TextBlock(line.Trim(), BlockKind.Paragraph, index + 1))
            .Where(b => b.Text.Length > 0)
            .ToList();
        return StageResult<RawArticle?>.Ok(new RawArticle(file.FileName, ArticleFormat.Text, "utf-8", SourceMetadata.None, blocks));
    }
}
