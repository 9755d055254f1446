namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>
/// Reads Markdown spec files whose examples are fenced <c>```example</c> blocks (no code generation):
/// a header line (<c>anchor: 2024-08-09</c> for dates, <c>published: 2024-08-09</c> for merging, <c>file: a.txt</c> for
/// publication dates; its value is
/// <see cref="SpecExample.Anchor"/>), the input lines, a line holding only <c>.</c>, then the expected lines.
/// </summary>
public sealed class SpecFile
{
    private SpecFile(string path, IReadOnlyList<SpecExample> examples)
    {
        Path = path;
        Examples = examples;
    }

    public string Path { get; }

    public IReadOnlyList<SpecExample> Examples { get; }

    /// <summary>The spec folder copied next to the test assembly (Specs/&lt;area&gt;).</summary>
    public static string Folder(string area) => System.IO.Path.Combine(AppContext.BaseDirectory, "Specs", area);

    /// <summary>(file name, example index) rows for a theory, one per example.</summary>
    public static IEnumerable<object[]> Rows(string area) =>
        Directory.EnumerateFiles(Folder(area), "*.md")
            .Order(StringComparer.Ordinal)
            .SelectMany(path => Enumerable.Range(0, Load(path).Examples.Count)
                .Select(index => new object[] { System.IO.Path.GetFileName(path), index }));

    public static SpecFile Load(string path) => Parse(path, File.ReadAllText(path));

    public static SpecFile Parse(string path, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<SpecExample>();
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
                continue;
            }

            if (line.Trim() != "```example")
            {
                continue;
            }

            var start = i + 1;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                body.Add(lines[i]);
            }

            if (i >= lines.Length)
            {
                throw new FormatException($"{path}:{start}: example is not closed with ```");
            }

            examples.Add(ParseExample(path, heading, start, body));
        }

        return new SpecFile(path, examples);
    }

    private static SpecExample ParseExample(string path, string heading, int line, List<string> body)
    {
        var colon = body.Count == 0 ? -1 : body[0].IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !body[0][..colon].All(char.IsAsciiLetterLower))
        {
            throw new FormatException($"{path}:{line + 1}: an example starts with a header line such as 'anchor: YYYY[-MM[-DD]]'");
        }

        var dot = body.IndexOf(".");
        if (dot < 0)
        {
            throw new FormatException($"{path}:{line + 1}: an example needs a line '.' between input and expected output");
        }

        var anchor = body[0][(colon + 1)..].Trim();
        var input = string.Join('\n', body.Skip(1).Take(dot - 1));
        var expected = body.Skip(dot + 1).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
        return new SpecExample(System.IO.Path.GetFileName(path), heading, line, anchor, input, expected);
    }
}

/// <summary>One example of a spec file: where it is (file, heading, line of its first body line) and what it says.</summary>
public sealed record SpecExample(string File, string Heading, int Line, string Anchor, string Input, IReadOnlyList<string> Expected)
{
    public string Location => $"{File}:{Line} ({Heading})";
}
