using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// <c>include_cached "partials/_event.scriban-html" e heading shown</c>: like <c>include</c>, but the output is rendered
/// once per rendering of the site for each distinct list of keys and reused on every later page — Hugo's
/// <c>partialCached</c> — and, with a <see cref="FragmentCache"/>, kept for later builds. An event card appears on the
/// home page, its year page and its category page; rendering it once instead of three times is most of the list
/// pages' cost on a large site, and a rebuild that moves events to other list pages finds their cards already made.
/// </summary>
/// <remarks>
/// The keys are variables, and the partial sees only them (by their names) and the globals: it renders in a context of
/// its own (<see cref="SiteTemplateContext.Isolated"/>), so a partial that reads any other variable of the page fails
/// instead of showing one page's value on another. Its output therefore depends only on the values of its keys and on
/// what it reads from the globals, which is traced as a page's reads are; an entry keeps that trace, added to the trace
/// of every page that shows it. A later build finds the entry by the script, the partial and the hash of each key's
/// value (<see cref="ValueHasher"/>), and takes it when the globals it read are unchanged. Links are root-relative, so
/// they do not depend on the page either. Concurrent pages may render the same keys twice; both results are equal,
/// one is kept.
/// </remarks>
internal sealed class CachedIncludeFunction(SiteModel model, FragmentCache? fragments) : IScriptCustomFunction
{
    private readonly ConcurrentDictionary<Key, (string Text, PageTrace.Reads? Reads)> _rendered = new();

    // The trace of a fragment a later build takes from the store, per list of paths (fragments read a few lists).
    private readonly ConcurrentDictionary<IReadOnlyList<string>, PageTrace.Reads> _storedReads = new(ReferenceEqualityComparer.Instance);

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
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "include_cached takes a template path and then the variables that make its output differ");
        }

        var key = new Key(arguments);
        var tracing = PageTrace.Current;
        var traced = tracing is not null || fragments is not null;
        if (!_rendered.TryGetValue(key, out var entry) || (traced && entry.Reads is null))
        {
            var names = KeyNames(callerContext, arguments.Count);
            var fragmentKey = fragments is null ? default : FragmentKey(template, names, arguments);
            var made = Stored(fragmentKey) ?? Render(context, callerContext, template, names, arguments, traced, fragmentKey);
            entry = _rendered.AddOrUpdate(key, static (_, made) => made, static (_, existing, made) => existing.Reads is not null ? existing : made, made);
        }

        if (tracing is not null && entry.Reads is not null)
        {
            tracing.Merge(entry.Reads);
        }

        return entry.Text;
    }

    /// <summary>The names the keys are given in the partial: those of the variables passed (<c>e</c>, not <c>e.id</c>).</summary>
    private static string[] KeyNames(ScriptNode? callerContext, int count)
    {
        if (callerContext is not ScriptFunctionCall call || call.Arguments.Count != count)
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, "include_cached must be called with its keys after it, not through a pipe");
        }

        var names = new string[count];
        for (var i = 1; i < count; i++)
        {
            names[i] = call.Arguments[i] is ScriptVariableGlobal variable ? variable.Name
                : throw new ScriptRuntimeException(call.Arguments[i].Span,
                    "include_cached takes its keys as variables (`e`, not `e.id`): the partial sees only them, by their names, and the globals");
        }

        return names;
    }

    /// <summary>The store's key of a fragment: the script, the partial, and each key's name and value.</summary>
    private UInt128 FragmentKey(string template, string[] names, ScriptArray arguments)
    {
        var parts = new ScriptArray(2 * arguments.Count) { model.Rendition.Lang, template };
        for (var i = 1; i < arguments.Count; i++)
        {
            parts.Add(names[i]);
            parts.Add(arguments[i]);
        }

        return model.Hasher.KeyOf(parts);
    }

    /// <summary>The fragment an earlier build rendered for the same keys, when what it read from the globals is unchanged.</summary>
    private (string Text, PageTrace.Reads? Reads)? Stored(UInt128 fragmentKey)
    {
        if (fragments?.Store.Find(fragments.BuildKey, fragmentKey) is not { } record || model.Hasher.AtRecordedPaths(record.Reads) != record.ReadsHash)
        {
            return null;
        }

        var reads = _storedReads.GetOrAdd(record.Reads, static paths => new PageTrace.Reads([.. paths.Select(TracePaths.Id)], IsVolatile: false));
        return (record.Text, reads);
    }

    /// <summary>
    /// Renders the partial in the isolated context, its keys bound by name over the globals; when
    /// <paramref name="traced"/>, with what it read, and with a store, kept there for later builds.
    /// </summary>
    private (string Text, PageTrace.Reads? Reads) Render(TemplateContext context, ScriptNode? callerContext, string template, string[] names,
        ScriptArray arguments, bool traced, UInt128 fragmentKey)
    {
        var isolated = context is SiteTemplateContext site ? site.Isolated(callerContext)
            : throw new ScriptRuntimeException(callerContext?.Span ?? default, "include_cached needs the site's template context");
        var keys = new ScriptObject(names.Length);
        for (var i = 1; i < names.Length; i++)
        {
            keys.SetValue(names[i], arguments[i], readOnly: false);
        }

        isolated.PushGlobal(traced ? model.TracedGlobals : model.Globals);
        isolated.PushGlobal(keys);
        try
        {
            if (!traced)
            {
                return (IncludeFunction.ToText(isolated, callerContext, template), null);
            }

            using var trace = new PageTrace();
            string text;
            using (trace.Begin())
            {
                text = IncludeFunction.ToText(isolated, callerContext, template);
            }

            var reads = trace.Freeze();
            if (fragments is not null && !reads.IsVolatile)
            {
                var paths = fragments.Reads.Of(trace.SortedIds());
                fragments.Store.Add(fragments.BuildKey, new FragmentRecord(fragmentKey, paths, model.Hasher.AtRecordedPaths(paths), text));
            }

            return (text, reads);
        }
        finally
        {
            isolated.PopGlobal();
            isolated.PopGlobal();
        }
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

/// <summary>The fragment store of a build that reuses pages, the build's key, and the lists of paths its pages read (shared with theirs).</summary>
internal sealed record FragmentCache(IFragmentStore Store, string BuildKey, ReadLists Reads);
