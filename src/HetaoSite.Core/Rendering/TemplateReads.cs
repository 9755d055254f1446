using Scriban;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// What a template can read, found by walking its syntax tree: the global names it uses (with the members it reads of
/// each, when it only ever reads members: <c>site.title</c>), and the templates it includes. Together with the
/// templates it includes, this is what a page rendered from it can depend on besides its <c>page</c> object, so a
/// page's fingerprint (<see cref="PageFingerprints"/>) only needs these globals.
/// </summary>
/// <remarks>
/// Conservative by construction: a global used any other way than <c>name.member</c> (passed whole, indexed)
/// counts as read whole; <c>this</c> or an include whose path is not a literal makes the template read everything.
/// A loop over a global, <c>for y in years</c>, reads the members its variable is used with, recorded as
/// <c>[].year</c>; the variable used whole makes the template read the global whole.
/// </remarks>
/// <example><c>{{ site.title }}{{ include "partials/_x.scriban-html" }}{{ for e in events }}</c> reads site.title and
/// events (whole), and includes partials/_x.scriban-html.</example>
public sealed class TemplateReads
{
    /// <summary>Global name → the members read, or null when the global is read whole.</summary>
    public Dictionary<string, HashSet<string>?> Globals { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Includes { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the template may read anything (<c>this</c>, or an include of a computed path).</summary>
    public bool ReadsEverything { get; private set; }

    /// <summary>Loop variable → the globals it runs over (<c>for y in years</c>).</summary>
    private readonly Dictionary<string, HashSet<string>> _loops = new(StringComparer.Ordinal);

    public static TemplateReads Of(Template template)
    {
        var reads = new TemplateReads();
        reads.FindLoops(template.Page);
        reads.Walk(template.Page);
        return reads;
    }

    private void FindLoops(ScriptNode? node)
    {
        if (node is null)
        {
            return;
        }

        if (node is ScriptForStatement { Variable: ScriptVariableGlobal variable, Iterator: ScriptVariableGlobal over })
        {
            if (!_loops.TryGetValue(variable.Name, out var globals))
            {
                _loops[variable.Name] = globals = new HashSet<string>(StringComparer.Ordinal);
            }

            globals.Add(over.Name);
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            FindLoops(node.GetChildren(i));
        }
    }

    /// <summary>The reads of <paramref name="paths"/> (a page's template and layout) and of every template they include, transitively.</summary>
    public static TemplateReads Closure(IEnumerable<string> paths, IReadOnlyDictionary<string, TemplateReads> all)
    {
        var result = new TemplateReads();
        var pending = new Stack<string>(paths);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            if (!all.TryGetValue(next, out var reads))
            {
                result.ReadsEverything = true;
                continue;
            }

            result.ReadsEverything |= reads.ReadsEverything;
            result.Includes.Add(next);
            foreach (var (name, members) in reads.Globals)
            {
                result.Read(name, members);
            }

            foreach (var include in reads.Includes)
            {
                pending.Push(include);
            }
        }

        return result;
    }

    private void Walk(ScriptNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptThisExpression:
                ReadsEverything = true;
                return;
            case ScriptForStatement { Variable: ScriptVariableGlobal variable, Iterator: ScriptVariableGlobal } loop
                when _loops.ContainsKey(variable.Name):
                // The iterated global is read through the loop variable's members (below), not whole.
                Walk(loop.NamedArguments);
                Walk(loop.Body);
                Walk(loop.Else);
                return;
            case ScriptMemberExpression { Target: ScriptVariableGlobal target, Member: ScriptVariable member }:
                Read(target.Name, [member.Name]);
                foreach (var over in _loops.GetValueOrDefault(target.Name) ?? [])
                {
                    Read(over, ["[]." + member.Name]);
                }

                return;
            case ScriptVariableGlobal global:
                Read(global.Name, null);
                foreach (var over in _loops.GetValueOrDefault(global.Name) ?? [])
                {
                    Read(over, null);
                }

                return;
            case ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "include" or "include_cached" } } call:
                if (call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string path })
                {
                    Includes.Add(path);
                }
                else
                {
                    ReadsEverything = true;
                }

                break;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Walk(node.GetChildren(i));
        }
    }

    private void Read(string name, HashSet<string>? members)
    {
        if (!Globals.TryGetValue(name, out var known))
        {
            Globals[name] = members is null ? null : new HashSet<string>(members, StringComparer.Ordinal);
        }
        else if (known is not null)
        {
            if (members is null)
            {
                Globals[name] = null;
            }
            else
            {
                known.UnionWith(members);
            }
        }
    }
}
