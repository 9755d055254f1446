using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Core.Loading;

/// <summary>The text after the front matter and the 1-based file line it starts on.</summary>
internal sealed record ArticleBody(string Text, int FirstLine);

/// <summary>
/// Splits optional YAML front matter off an article. The opening <c>---</c> may be preceded by blank lines (seed 003);
/// the block ends at the next <c>---</c> or <c>...</c> line. YAML is read only through <see cref="SafeYaml"/>.
/// </summary>
/// <example>
/// <code>
/// ---
/// title: '小空间遇见大未来  深港河套成湾区科创新引擎'
/// author: 证券时报网
/// date: Tue, 06 Sep 2022 19:11:00 GMT
/// ---
/// </code>
/// gives title, outlet 证券时报网 (author is the outlet fallback) and date 2022-09-06.
/// </example>
internal static class FrontMatterReader
{
    private static readonly string[] OutletKeys = ["outlet", "source", "author"];

    public static StageResult<(SourceMetadata Metadata, ArticleBody Body)?> Read(string text, string file, BuildLimits limits)
    {
        // Lines are found by position rather than split off: the body is the rest of the text, taken once.
        var position = 0;
        var line = 1;
        while (position < text.Length && LineAt(text, position).IsWhiteSpace())
        {
            position = NextLine(text, position);
            line++;
        }

        if (position == text.Length || LineAt(text, position).TrimEnd() is not "---")
        {
            return StageResult<(SourceMetadata, ArticleBody)?>.Ok((SourceMetadata.None, new ArticleBody(text, 1)));
        }

        var openLine = line;
        var yamlStart = NextLine(text, position);
        var close = yamlStart;
        var closeLine = openLine + 1;
        while (close < text.Length && LineAt(text, close).TrimEnd() is not ("---" or "..."))
        {
            close = NextLine(text, close);
            closeLine++;
        }

        if (close == text.Length)
        {
            return Fail(Diagnostic.Error("HS0105", $"front matter opened with '---' on line {openLine} is never closed", file, openLine,
                "end the front matter with a line holding only '---'"));
        }

        var yamlFirstLine = openLine + 1;
        var yaml = text[yamlStart..Math.Max(yamlStart, close - 1)];
        var parsed = SafeYaml.ParseMapping(yaml, file, yamlFirstLine, limits.Yaml);
        if (parsed.Value is not { } map || parsed.HasErrors)
        {
            return new StageResult<(SourceMetadata, ArticleBody)?>(null, parsed.Diagnostics);
        }

        var metadata = ToMetadata(map, file, yamlFirstLine, out var problem);
        if (problem is not null)
        {
            return Fail(problem);
        }

        var found = new List<Diagnostic>(parsed.Diagnostics);
        var image = ImageKeys.Read(map, file, node => SafeYaml.Line(node.Start, yamlFirstLine), found);
        if (found.Any(d => d.Severity == Severity.Error))
        {
            return new StageResult<(SourceMetadata, ArticleBody)?>(null, found);
        }

        metadata = metadata with { Image = image?.ToImage("front matter") };
        var body = new ArticleBody(text[NextLine(text, close)..], closeLine + 1);
        return new StageResult<(SourceMetadata, ArticleBody)?>((metadata, body), found);
    }

    // The line starting at position, without its '\n'.
    private static ReadOnlySpan<char> LineAt(string text, int position)
    {
        var end = text.IndexOf('\n', position);
        return text.AsSpan(position, (end < 0 ? text.Length : end) - position);
    }

    // Where the line after the one starting at position starts (the text's length after the last line).
    private static int NextLine(string text, int position)
    {
        var end = text.IndexOf('\n', position);
        return end < 0 ? text.Length : end + 1;
    }

    private static SourceMetadata ToMetadata(YamlMappingNode map, string file, int firstLine, out Diagnostic? problem)
    {
        problem = null;
        PartialDate? date = null;
        int? dateLine = null;
        var extra = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = keyNode.ToText().Trim();
            if (key is "date" or "published")
            {
                dateLine = SafeYaml.Line(keyNode.Start, firstLine);
                var value = valueNode is YamlScalarNode scalar ? scalar.Value : null;
                if (!MetadataDateParser.TryParse(value, out var parsed))
                {
                    problem = Diagnostic.Error("HS0102", $"'{key}: {valueNode.ToText()}' is not a date", file, dateLine,
                        "write the date as YYYY-MM-DD (2024-08-09), YYYY-MM, YYYY, or like 'Tue, 06 Sep 2022 19:11:00 GMT'");
                    return SourceMetadata.None;
                }

                date = parsed;
            }
            else if (key is not ("title" or "outlet" or "source" or "author" or "url" or "lang" or "language" or "tags" or "categories")
                && !ImageKeys.Names.Contains(key))
            {
                extra[key] = valueNode.ToText();
            }
        }

        var tags = map.GetStrings("tags").Concat(map.GetStrings("categories")).Distinct(StringComparer.Ordinal).ToList();
        var outlet = OutletKeys.Select(map.GetString).FirstOrDefault(v => v is not null);
        return new SourceMetadata(MetadataOrigin.FrontMatter, map.GetString("title"), date, outlet, map.GetString("url"),
            map.GetString("lang") ?? map.GetString("language"), tags, extra, dateLine);
    }

    private static StageResult<(SourceMetadata, ArticleBody)?> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
