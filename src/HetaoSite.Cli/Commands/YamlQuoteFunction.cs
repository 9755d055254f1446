using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>value | yaml_quote</c> in the article archetype: <see cref="NewCommand.YamlQuote"/> as a Scriban function. Written
/// out rather than imported from a delegate, which Scriban binds by reflection: the tool is compiled ahead of time.
/// </summary>
internal sealed class YamlQuoteFunction : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "value");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count != 1)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"yaml_quote takes one value, not {arguments.Count}");
        }

        return NewCommand.YamlQuote(arguments[0] is { } value ? value as string ?? context.ObjectToString(value) : null);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
