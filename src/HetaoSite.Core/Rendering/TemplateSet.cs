using System.Text.Json;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using Scriban;
using Scriban.Runtime;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The <c>templates/</c> folder, parsed once: Scriban templates (<c>*.scriban-*</c>) by path, UI strings per script
/// (<c>i18n/zh-Hant.json</c>, <c>i18n/zh-Hans.json</c>) and static files (<c>static/**</c>, copied verbatim to the
/// output root). Parse errors are diagnostics HS0201 with the template file and line.
/// </summary>
public sealed class TemplateSet
{
    public const string ParseErrorCode = "HS0201";
    public const string MissingCode = "HS0203";
    public const string StringsErrorCode = "HS0204";

    private readonly Dictionary<string, Template> _templates;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _strings;

    private TemplateSet(Dictionary<string, Template> templates, Dictionary<string, IReadOnlyDictionary<string, string>> strings,
        IReadOnlyList<TemplateFile> staticFiles)
    {
        _templates = templates;
        _strings = strings;
        StaticFiles = staticFiles;
    }

    /// <summary>Files under <c>static/</c>, with the <c>static/</c> prefix removed from their paths.</summary>
    public IReadOnlyList<TemplateFile> StaticFiles { get; }

    public IReadOnlyDictionary<string, Template> Templates => _templates;

    public static StageResult<TemplateSet> Load(IReadOnlyList<TemplateFile> files)
    {
        var diagnostics = new List<Diagnostic>();
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var strings = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var statics = new List<TemplateFile>();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var path = file.Path.Replace('\\', '/');
            if (path.StartsWith("static/", StringComparison.Ordinal))
            {
                statics.Add(new TemplateFile(path["static/".Length..], file.Content));
            }
            else if (path.StartsWith("i18n/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal))
            {
                var lang = Path.GetFileNameWithoutExtension(path);
                try
                {
                    strings[lang] = ReadStrings(file.Content);
                }
                catch (JsonException e)
                {
                    diagnostics.Add(Diagnostic.Error(StringsErrorCode, $"UI strings are not a JSON object of strings: {e.Message}",
                        "templates/" + path, (int?)e.LineNumber + 1, "write {\"key\": \"text\", ...}"));
                }
            }
            else if (Path.GetExtension(path).StartsWith(".scriban-", StringComparison.Ordinal))
            {
                var template = Template.Parse(file.Text, path);
                if (template.HasErrors)
                {
                    foreach (var message in template.Messages)
                    {
                        diagnostics.Add(Diagnostic.Error(ParseErrorCode, message.Message, "templates/" + path,
                            message.Span.Start.Line + 1, "fix the Scriban syntax; see docs/templates.md"));
                    }
                }
                else
                {
                    templates[path] = template;
                }
            }
        }

        return new StageResult<TemplateSet>(new TemplateSet(templates, strings, statics), diagnostics);
    }

    public bool Has(string path) => _templates.ContainsKey(path);

    public Template Get(string path) => _templates[path];

    /// <summary>UI strings for "zh-Hant" or "zh-Hans" as a script object (<c>t.key</c> in templates), or null if missing.</summary>
    public ScriptObject? Strings(string lang)
    {
        if (!_strings.TryGetValue(lang, out var map))
        {
            return null;
        }

        var result = new ScriptObject();
        foreach (var (key, value) in map)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>Fills a context's include cache so that includes never parse a template again.</summary>
    internal void Prime(TemplateContext context)
    {
        foreach (var (path, template) in _templates)
        {
            context.CachedTemplates[path] = template;
        }
    }

    /// <summary>
    /// A UI strings file: one JSON object whose values are strings (a later key replaces an earlier one; the literal
    /// <c>null</c> is no strings). Read token by token rather than by <see cref="JsonSerializer"/>, whose reflection-based
    /// reading would be a build's only use of it and costs a cold start more than the file itself.
    /// </summary>
    /// <exception cref="JsonException">The file is not JSON, or not an object of strings; with its line.</exception>
    internal static Dictionary<string, string> ReadStrings(byte[] json)
    {
        var text = json.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(text);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return strings;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NotStrings(text, reader, $"expected an object, found {reader.TokenType}");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            strings[key] = reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw NotStrings(text, reader, $"'{key}' is {reader.TokenType}, not a string");
        }

        // Anything after the object is malformed JSON, which reading it reports.
        reader.Read();
        return strings;
    }

    private static JsonException NotStrings(ReadOnlySpan<byte> json, Utf8JsonReader reader, string message) =>
        new(message, path: null, lineNumber: json[..(int)reader.TokenStartIndex].Count((byte)'\n'), bytePositionInLine: null);
}
