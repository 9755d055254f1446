using System.Globalization;
using System.Text;
using HetaoSite.Core;
using Scriban;
using Scriban.Runtime;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>new "標題" [--date YYYY-MM-DD] [--url URL] [--seeds DIR] [--templates DIR] [--config FILE]</c> writes a new Markdown
/// article <c>{date}-{slug}.md</c> into the seeds folder from the archetype <c>templates/archetypes/article.md</c>.
/// It never overwrites a file.
/// </summary>
/// <remarks>
/// Without <c>--date</c> the article is dated today, in the machine's time zone: the one place HetaoSite reads the
/// clock, because "a new article from today" is what the maintainer means. Builds never read it.
/// </remarks>
public static class NewCommand
{
    public const string ArchetypePath = "archetypes/article.md";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var arguments = CommandArguments.Parse(args, ["date", "url", "seeds", "templates", "config"], []);
        if (arguments.Positional.Count != 1 || string.IsNullOrWhiteSpace(arguments.Positional[0]))
        {
            throw new UsageException("new needs exactly one title: hetao new \"標題\"");
        }

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

        var text = Render(template, title, date, url);
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

    public static string Render(Template template, string title, DateOnly date, string? url)
    {
        var globals = new ScriptObject
        {
            ["title"] = title,
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["url"] = url,
        };
        globals.Import("yaml_quote", new Func<string?, string>(YamlQuote));
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
