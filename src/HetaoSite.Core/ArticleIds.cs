using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core;

/// <summary>Article ids: URL-safe slugs made from file names, unique within a site.</summary>
public static class ArticleIds
{
    /// <summary>
    /// "003_564ef79a45113a5f.txt" → "003-564ef79a45113a5f"; "河套 論壇.md" → "河套-論壇". Only letters, digits and
    /// single hyphens survive, so an id can never contain '/', '..' or a leading dot.
    /// </summary>
    public static string FromFileName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        var slug = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                slug.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 80)
            {
                break;
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "article" : result;
    }

    /// <summary>Gives colliding ids a numeric suffix, in file-name order, so every article keeps its own page.</summary>
    public static IReadOnlyList<ArticleExtraction> MakeUnique(IReadOnlyList<ArticleExtraction> extractions)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var extraction in extractions.OrderBy(e => e.Article.FileName, StringComparer.Ordinal))
        {
            var id = extraction.Article.Id;
            for (var n = 2; !taken.Add(id); n++)
            {
                id = $"{extraction.Article.Id}-{n}";
            }

            renamed[extraction.Article.FileName] = id;
        }

        return extractions.Select(e => renamed[e.Article.FileName] == e.Article.Id ? e : WithId(e, renamed[e.Article.FileName])).ToList();
    }

    private static ArticleExtraction WithId(ArticleExtraction extraction, string id) => extraction with
    {
        Article = extraction.Article with { Id = id },
        Statements = extraction.Statements.Select(s => s with { ArticleId = id }).ToList(),
        Figures = extraction.Figures.Select(f => f with { ArticleId = id }).ToList(),
    };
}
