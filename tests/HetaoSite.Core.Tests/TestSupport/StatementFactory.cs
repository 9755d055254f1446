using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>Builds small articles with dated statements by hand, for timeline tests that must not depend on the parser.</summary>
public static class StatementFactory
{
    public static ArticleExtraction Article(string file, string published, params (string Sentence, string Expression, string Date, string Title)[] statements)
    {
        var id = HetaoSite.Core.ArticleIds.FromFileName(file);
        var blocks = statements.Select((s, i) => new TextBlock(s.Sentence, BlockKind.Paragraph, i + 1)).ToList();
        var article = new Article(id, file, file, null, null, PartialDate.Parse(published), MetadataOrigin.Config, "config", "zh-Hant", Script.Hant,
            "utf-8", ArticleFormat.Text, blocks.Sum(b => b.Text.Length), [], blocks, [], CleaningStats.Empty);
        var sentences = statements.Select((s, i) => new Sentence(i, 0, 0, s.Sentence)).ToList();
        var dated = statements.Select((s, i) => new DatedStatement(id, file, sentences[i],
            new TemporalExpression(s.Expression, s.Sentence.IndexOf(s.Expression, StringComparison.Ordinal), PartialDate.Parse(s.Date)),
            s.Title, "policy", false)).ToList();
        return new ArticleExtraction(article, sentences, dated, [], [], dated.Count);
    }
}
