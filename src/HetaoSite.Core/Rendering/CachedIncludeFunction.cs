using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>include_cached "partials/_event.scriban-html" key…</c>: like <c>include</c>, but the output is rendered once per
/// rendering of the site for each distinct (template, keys) and reused on every later page — Hugo's
/// <c>partialCached</c>. An event card appears on the home page, its year page and its category page; rendering it once
/// instead of three times is most of the list pages' cost on a large site.
/// </summary>
/// <remarks>
/// The contract, as in Hugo: the partial's output must depend only on the keys and on globals (not on the page), so
/// the keys must name everything page-specific the partial reads (for the event card: the event id, the heading level
/// and the number of sources shown). Links are root-relative, so they do not depend on the page either. Concurrent pages
/// may render the same key twice; both results are equal, one is kept. What an entry read from the globals while it
/// rendered is kept with it and added to the trace of every page that shows it.
/// </remarks>
internal sealed class CachedIncludeFunction : IScriptCustomFunction
{
    private readonly ConcurrentDictionary<Key, (string Text, PageTrace.Reads? Reads)> _rendered = new();

    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        new(typeof(object), index == 0 ? "template" : "key");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (arguments.Count < 1 || arguments[0] is not string template)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "include_cached takes a template path and then the keys that make its output differ");
        }

        var key = new Key(arguments);
        var tracing = PageTrace.Current;
        if (!_rendered.TryGetValue(key, out var entry) || (tracing is not null && entry.Reads is null))
        {
            var rendered = Render(context, callerContext, template, tracing is not null);
            entry = _rendered.AddOrUpdate(key, static (_, made) => made, static (_, existing, made) => existing.Reads is not null ? existing : made, rendered);
        }

        if (tracing is not null && entry.Reads is not null)
        {
            tracing.Merge(entry.Reads);
        }

        return entry.Text;
    }

    /// <summary>The partial's output and, when the page is traced, what the partial read while rendering it.</summary>
    private static (string Text, PageTrace.Reads? Reads) Render(TemplateContext context, ScriptNode? callerContext, string template, bool traced)
    {
        if (!traced)
        {
            return (IncludeFunction.ToText(context, callerContext, template), null);
        }

        using var trace = new PageTrace();
        string text;
        using (trace.Begin())
        {
            text = IncludeFunction.ToText(context, callerContext, template);
        }

        return (text, trace.Freeze());
    }

    /// <summary>
    /// The template and keys as given (Scriban hands every call an argument array of its own), compared value by value:
    /// no string is made per call. Values of different types (3 and "3") are different keys, which costs at most a render.
    /// </summary>
    private readonly struct Key(ScriptArray values) : IEquatable<Key>
    {
        public bool Equals(Key other)
        {
            if (values.Count != other.Values.Count)
            {
                return false;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (!Equals(values[i], other.Values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var value in values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }

        private ScriptArray Values => values;
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
