using Scriban;
using Scriban.Parsing;
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
/// A loop over a global, <c>for y in years</c>, reads how many items it has (recorded as <c>[]</c>) and the members
/// its variable is used with (<c>[].year</c>); the variable used whole makes the template read the global whole. A
/// variable set to a global, <c>bar = years</c>, reads of that global what is read through the variable. Loop
/// variables and such aliases are resolved over a template and everything it includes (<see cref="Closure"/>), since
/// a partial included in a loop reads the loop's variable, and a partial is often handed its input in a variable.
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

    /// <summary>Loop variable → the variables it runs over (<c>for y in years</c>).</summary>
    private readonly Dictionary<string, HashSet<string>> _loops = new(StringComparer.Ordinal);

    /// <summary>Variable → the variables it is set to (<c>bar = years</c>).</summary>
    private readonly Dictionary<string, HashSet<string>> _aliases = new(StringComparer.Ordinal);

    public static TemplateReads Of(Template template)
    {
        var reads = new TemplateReads();
        reads.Walk(template.Page);
        reads.Resolve();
        return reads;
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var values))
        {
            map[key] = values = new HashSet<string>(StringComparer.Ordinal);
        }

        values.Add(value);
    }

    /// <summary>
    /// Carries what is read through loop variables and aliases over to what they stand for, until nothing changes: a
    /// member <c>m</c> read through <c>y</c> of <c>for y in years</c> is <c>[].m</c> of <c>years</c>; anything read
    /// through <c>bar</c> of <c>bar = years</c> is read of <c>years</c>. A member that would need a second <c>[].</c>
    /// (a loop over a loop variable) reads the whole global instead, so this ends.
    /// </summary>
    private void Resolve()
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var (name, members) in Globals.ToList())
            {
                foreach (var source in _aliases.GetValueOrDefault(name) ?? [])
                {
                    changed |= Read(source, members);
                }

                foreach (var over in _loops.GetValueOrDefault(name) ?? [])
                {
                    changed |= Read(over, members is null || members.Any(m => m.StartsWith('[')) ? null : [.. members.Select(m => "[]." + m)]);
                }
            }
        }
        while (changed);
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

            foreach (var (map, into) in new[] { (reads._loops, result._loops), (reads._aliases, result._aliases) })
            {
                foreach (var (name, values) in map)
                {
                    foreach (var value in values)
                    {
                        Add(into, name, value);
                    }
                }
            }

            foreach (var include in reads.Includes)
            {
                pending.Push(include);
            }
        }

        result.Resolve();
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
            case ScriptForStatement { Variable: ScriptVariableGlobal variable, Iterator: ScriptVariableGlobal over } loop:
                // The iterated global is read for its number of items, and through the loop variable (see Resolve).
                Add(_loops, variable.Name, over.Name);
                Read(over.Name, ["[]"]);
                Walk(loop.NamedArguments);
                Walk(loop.Body);
                Walk(loop.Else);
                return;
            case ScriptAssignExpression { Target: ScriptVariableGlobal target, EqualToken.TokenType: TokenType.Equal } assign:
                // Setting a variable reads nothing of it. Set to a global, what is read through it is read of that
                // global (see Resolve); set to anything else, that expression is read.
                if (assign.Value is ScriptVariableGlobal value)
                {
                    Add(_aliases, target.Name, value.Name);
                }
                else
                {
                    Walk(assign.Value);
                }

                return;
            case ScriptMemberExpression { Target: ScriptVariableGlobal target, Member: ScriptVariable member }:
                Read(target.Name, [member.Name]);
                return;
            case ScriptVariableGlobal global:
                Read(global.Name, null);
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

    /// <summary>Records a read of <paramref name="members"/> of <paramref name="name"/> (null: all of it); true if that is new.</summary>
    private bool Read(string name, HashSet<string>? members)
    {
        if (!Globals.TryGetValue(name, out var known))
        {
            Globals[name] = members is null ? null : new HashSet<string>(members, StringComparer.Ordinal);
            return true;
        }

        if (known is null)
        {
            return false;
        }

        if (members is null)
        {
            Globals[name] = null;
            return true;
        }

        var count = known.Count;
        known.UnionWith(members);
        return known.Count != count;
    }
}
