using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Resolves <c>include "partials/_event.scriban-html"</c> against the parsed <see cref="TemplateSet"/> only: paths are
/// relative to <c>templates/</c>; absolute paths, <c>..</c>, backslashes and unknown templates are errors.
/// </summary>
public sealed class SiteTemplateLoader(TemplateSet templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (!IsSafe(templateName))
        {
            throw new ScriptRuntimeException(callerSpan,
                $"include \"{templateName}\" is refused: use a path relative to templates/ without '..'");
        }

        return templateName;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        // Every known template is already in the context's cache (TemplateSet.Prime); reaching here means it does not exist.
        if (templates.Has(templatePath))
        {
            throw new ScriptRuntimeException(callerSpan, $"template \"{templatePath}\" was not primed");
        }

        throw new ScriptRuntimeException(callerSpan, $"template \"{templatePath}\" not found under templates/");
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));

    public static bool IsSafe(string name) =>
        !string.IsNullOrWhiteSpace(name)
        && !name.StartsWith('/')
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Contains(':', StringComparison.Ordinal)
        && !name.Contains('\0', StringComparison.Ordinal)
        && !Path.IsPathRooted(name)
        && name.Split('/').All(part => part is not (".." or "." or ""));
}
