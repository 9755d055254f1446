using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>url path [script]</c> and <c>absolute_url path [script]</c> as Scriban functions. A direct implementation rather
/// than <see cref="DynamicCustomFunction"/> over the <see cref="SiteUrls"/> methods: templates call <c>url</c> hundreds of
/// thousands of times per build, and reflection-based argument binding was a measurable part of rendering. Its
/// arguments are taken as given (<see cref="ScriptVarParamKind.Direct"/>): declared optional, the missing script would
/// be filled in by Scriban growing the argument array on every call.
/// </summary>
internal sealed class UrlFunction(Func<string, string?, string> url) : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 2;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        new(typeof(string), index == 0 ? "path" : "script");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count is < 1 or > 2)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"url takes a path and an optional script, not {arguments.Count} arguments");
        }

        string? Text(int i) => i < arguments.Count && arguments[i] is { } value ? value as string ?? context.ObjectToString(value) : null;
        try
        {
            return url(Text(0) ?? string.Empty, Text(1));
        }
        catch (ArgumentException e)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, e.Message);
        }
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
