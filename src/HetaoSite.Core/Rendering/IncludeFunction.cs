using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>include "partials/…"</c> as Scriban's, but a statement of its own (<c>{{ include "…" }}</c>, at no indentation,
/// no named arguments) renders the partial straight into the page's output instead of into a string
/// that is then copied there. Scriban's renders each include into a new buffer, turns it into a string and then
/// rebuilds the buffer's storage; on a list page of a hundred event cards that copying was a large part of the page's
/// cost. Every other use is handed to Scriban's own function, so the output is the same either way.
/// </summary>
internal sealed class IncludeFunction : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        new(typeof(object), index == 0 ? "template_name" : "value");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (!IsPlainStatement(context, callerContext, arguments))
        {
            return Builtin(context, callerContext).Invoke(context, callerContext, arguments, blockStatement);
        }

        var path = context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), callerContext);
        if (path is null)
        {
            return null;
        }

        var template = context.GetOrCreateTemplate(path, callerContext);
        if (context.CurrentIndent is not null)
        {
            // As Scriban's does for a statement on a line of its own (its indentation being empty).
            context.ResetPreviousNewLine();
        }

        context.EnterRecursive(callerContext);
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, true, true);
            PageRenderer.WriteTo(context, template);
        }
        finally
        {
            context.PopLocal();
            context.ExitRecursive(callerContext);
        }

        return null;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

    /// <summary>
    /// Renders <paramref name="path"/> into a string of its own, as <c>include</c> returns it. Scriban's renders into a
    /// new buffer, turns it into a string and then rebuilds the buffer's storage: three copies of the output as garbage
    /// for each cached partial. This does what Scriban's <c>TemplateContext.RenderTemplate</c> does (the same scope,
    /// <c>$</c>, indentation and line state, restored after) into a buffer the thread keeps, and copies it once into the
    /// string. A call with named arguments (which Scriban makes local variables) goes to Scriban's own function.
    /// </summary>
    internal static string ToText(TemplateContext context, ScriptNode? callerContext, string path)
    {
        if (callerContext is not ScriptFunctionCall call || call.Arguments.Any(a => a is ScriptNamedArgument))
        {
            return Builtin(context, callerContext).Invoke(context, callerContext, [path], null) as string ?? string.Empty;
        }

        if (context.GetTemplatePathFromName(path, callerContext) is not { } templatePath)
        {
            return string.Empty;
        }

        var template = context.GetOrCreateTemplate(templatePath, callerContext);
        var buffers = _buffers ??= new Stack<CharBufferOutput>();
        var output = buffers.Count > 0 ? buffers.Pop() : new CharBufferOutput(4 * 1024);
        context.EnterRecursive(callerContext);
        var indent = context.CurrentIndent;
        var previousTextWasNewLine = PreviousTextWasNewLine(context);
        context.CurrentIndent = null;
        context.PushOutput(output);
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, new ScriptArray { path }, true, true);
            if (indent is not null)
            {
                context.ResetPreviousNewLine();
            }

            PageRenderer.WriteTo(context, template);
            return output.ToString();
        }
        finally
        {
            context.PopLocal();
            context.PopOutput();
            context.CurrentIndent = indent;
            PreviousTextWasNewLine(context) = previousTextWasNewLine;
            context.ExitRecursive(callerContext);
            output.Clear();
            buffers.Push(output);
        }
    }

    /// <summary>The output buffers of <see cref="ToText"/> on this thread, one per level of nesting.</summary>
    [ThreadStatic]
    private static Stack<CharBufferOutput>? _buffers;

    /// <summary>
    /// Whether the last text written ended a line: Scriban indents the next line by it, and restores it after rendering
    /// an include into a string; it has no public accessor.
    /// </summary>
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_previousTextWasNewLine")]
    private static extern ref bool PreviousTextWasNewLine(TemplateContext context);

    private static IScriptCustomFunction Builtin(TemplateContext context, ScriptNode? callerContext) =>
        context.BuiltinObject["include"] as IScriptCustomFunction
        ?? throw new ScriptRuntimeException(callerContext?.Span ?? default, "include needs Scriban's include function");

    // Output written straight through would not be indented the way Scriban indents an include's result, and named
    // arguments become local variables only in Scriban's own function.
    private static bool IsPlainStatement(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments) =>
        arguments.Count == 1 && string.IsNullOrEmpty(context.CurrentIndent) && context.EnableOutput
        && callerContext is ScriptFunctionCall call && call.Parent is ScriptExpressionStatement
        && !call.Arguments.Any(a => a is ScriptNamedArgument);
}
