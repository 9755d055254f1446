using System.Globalization;
using System.Text;
using HetaoSite.Core;
using Scriban;
using Scriban.Runtime;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>new "標題" --text FILE|- [--date YYYY-MM-DD] [--url URL] [--seeds DIR] [--templates DIR] [--config FILE]</c> writes
/// a new Markdown article <c>{date}-{slug}.md</c> into the seeds folder from the archetype
/// <c>templates/archetypes/article.md</c>, with the article's text from FILE or standard input.
/// <c>new --from page.html</c> imports a saved web page instead (<see cref="PageImport"/>). It never overwrites a file, and
/// never writes an article without text (the build would refuse it).
/// </summary>
/// <remarks>
/// Without <c>--date</c> the article is dated today, in the machine's time zone: the one place HetaoSite reads the
/// clock, because "a new article from today" is what the maintainer means. Builds never read it.
/// </remarks>
public static class NewCommand
{
    public const string ArchetypePath = "archetypes/article.md";

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var arguments = CommandArguments.Parse(args, ["date", "url", "seeds", "templates", "config", "text", "from"], []);
        if (arguments.Get("from") is { } page)
        {
            if (arguments.Positional.Count > 0 || arguments.Get("text") is not null || arguments.Get("date") is not null || arguments.Get("url") is not null)
            {
                throw new UsageException("new --from takes the title, date and address from the page: give no title, --text, --date or --url with it");
            }

            return PageImport.Run(page, SitePaths.From(arguments), stdout, stderr);
        }

        if (arguments.Positional.Count != 1 || string.IsNullOrWhiteSpace(arguments.Positional[0]))
        {
            throw new UsageException("new needs exactly one title: hetao new \"標題\" --text article.txt");
        }

        var body = ReadBody(arguments.Get("text"), stdin);

        var title = arguments.Positional[0].Trim();
        var date = ParseDate(arguments.Get("date"), clock);
        var url = arguments.Get("url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
        {
            throw new UsageException($"--url '{url}' is not an absolute http(s) URL");
        }

        var paths = SitePaths.From(arguments);
        var archetype = Path.Combine(paths.Templates, ArchetypePath);
        if (!File.Exists(archetype))
        {
            stderr.WriteLine($"{archetype}: error HS0310: archetype not found");
            return ExitCode.ContentErrors;
        }

        var template = Template.Parse(File.ReadAllText(archetype), archetype);
        if (template.HasErrors)
        {
            foreach (var message in template.Messages)
            {
                stderr.WriteLine($"{message}");
            }

            return ExitCode.ContentErrors;
        }

        var text = Render(template, title, date, url, body);
        var fileName = FileName(title, date);
        Directory.CreateDirectory(paths.Seeds);
        var path = Path.Combine(paths.Seeds, fileName);
        try
        {
            // CreateNew makes "never overwrite" atomic: no window between checking and writing.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stream.Write(bytes);
        }
        catch (IOException) when (File.Exists(path))
        {
            stderr.WriteLine($"{Path.Combine(Path.GetFileName(paths.Seeds), fileName)}: error HS0311: file exists; not overwritten");
            return ExitCode.ContentErrors;
        }

        stdout.WriteLine($"created {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
        return ExitCode.Success;
    }

    /// <summary>"2025-03-01" + "河套「深港」論壇: 開幕" → "2025-03-01-河套-深港-論壇-開幕.md".</summary>
    /// <remarks>Slashes in the title are separators to <see cref="ArticleIds.FromFileName"/>; here they are just punctuation.</remarks>
    public static string FileName(string title, DateOnly date)
    {
        var slug = ArticleIds.FromFileName(title.Replace('/', ' ').Replace('\\', ' ') + ".md");
        return $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{slug}.md";
    }

    public static string Render(Template template, string title, DateOnly date, string? url, string body)
    {
        var globals = new ScriptObject
        {
            ["title"] = title,
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["url"] = url,
            ["text"] = body,
        };
        globals["yaml_quote"] = new YamlQuoteFunction();
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>
    /// A YAML double-quoted scalar that reads back as exactly <paramref name="value"/>, whatever it holds
    /// (quotes, colons, '#', line breaks, control characters).
    /// </summary>
    /// <example><c>他說："河套" #1</c> → <c>"他說：\"河套\" #1"</c>.</example>
    public static string YamlQuote(string? value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value ?? string.Empty)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// The article's text from <c>--text FILE</c> (<c>-</c>: standard input), line endings as LF, without leading or trailing blank lines.
    /// An article without text would fail the next build, so none is written: that is a usage error.
    /// </summary>
    private static string ReadBody(string? source, TextReader stdin)
    {
        const string How = "pass the article's text with --text FILE (or --text - to read standard input), or import a saved page with --from page.html";
        if (source is null)
        {
            throw new UsageException($"new writes no article without text: {How}");
        }

        string text;
        try
        {
            text = source == "-" ? stdin.ReadToEnd() : File.ReadAllText(source);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--text '{source}' cannot be read: {ex.Message}");
        }

        text = text.ReplaceLineEndings("\n").Trim('\n', ' ', '\t', '\uFEFF');
        return text.Length == 0 ? throw new UsageException($"the text given to new is empty: {How}") : text;
    }

    private static DateOnly ParseDate(string? text, TimeProvider clock)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--date '{text}' is not a date in the form YYYY-MM-DD");
    }
}
