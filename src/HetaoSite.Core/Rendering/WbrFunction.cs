using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>wbr text</c> (or <c>text | wbr</c>): the text HTML-escaped, with <c>&lt;wbr&gt;</c> at its phrase boundaries
/// (<see cref="HeadingBreaks"/>). For headings and titles, in place of <c>html.escape</c>.
/// </summary>
internal sealed class WbrFunction(HeadingBreaks breaks) : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    // Arguments taken as given, without Scriban's conversion step; the count is checked below.
    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "text");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != 1)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"wbr takes one text, not {arguments.Count} arguments");
        }

        return breaks.Html(arguments[0] is { } value ? value as string ?? context.ObjectToString(value) : null);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
