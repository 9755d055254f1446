using HetaoSite.Core.Model;
using HetaoSite.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Core.Evaluation;

/// <summary>
/// Reads a gold file (the format of tests/DevSet/README.md). A malformed gold file is an error naming the file and
/// line, never a silently smaller gold: the evaluation would otherwise measure against less than was annotated.
/// </summary>
public static class GoldParser
{
    public const string Code = "HS0410";

    private static readonly string[] Scripts = ["Hant", "Hans", "Latn"];

    public static StageResult<GoldArticle?> Parse(string yaml, string goldFile)
    {
        var parsed = SafeYaml.ParseMapping(yaml, goldFile, 1, new YamlLimits());
        if (parsed.HasErrors || parsed.Value is not { } root)
        {
            return new StageResult<GoldArticle?>(null, parsed.Diagnostics);
        }

        var errors = new List<Diagnostic>();
        var file = Required(root, "file", goldFile, errors);
        var published = Required(root, "published", goldFile, errors);
        if (published is not null && !PartialDate.TryParse(published, out _))
        {
            errors.Add(Error($"published '{published}' is not YYYY, YYYY-MM or YYYY-MM-DD", goldFile, root.Get("published")));
        }

        var script = Required(root, "script", goldFile, errors);
        if (script is not null && !Scripts.Contains(script))
        {
            errors.Add(Error($"script '{script}' is not Hant, Hans or Latn", goldFile, root.Get("script")));
        }

        var events = Entries(root, "events", goldFile, errors).Select(entry => Event(entry, goldFile, errors)).ToList();
        var nonEvents = Entries(root, "non_events", goldFile, errors).Select(entry => NonEvent(entry, goldFile, errors)).ToList();
        if (errors.Count > 0)
        {
            return new StageResult<GoldArticle?>(null, errors);
        }

        return StageResult<GoldArticle?>.Ok(new GoldArticle(file!, goldFile, published!, root.GetString("published_where"), script!,
            events.OfType<GoldEvent>().ToList(), nonEvents.OfType<GoldNonEvent>().ToList()));
    }

    private static GoldEvent? Event(YamlMappingNode entry, string goldFile, List<Diagnostic> errors)
    {
        var date = Required(entry, "date", goldFile, errors);
        var key = Required(entry, "key", goldFile, errors);
        var title = Required(entry, "title", goldFile, errors);
        if (date is not null && !PartialDate.TryParse(date, out _))
        {
            errors.Add(Error($"event date '{date}' is not YYYY, YYYY-MM or YYYY-MM-DD", goldFile, entry.Get("date")));
            return null;
        }

        var planned = entry.GetString("planned");
        if (planned is not null and not ("true" or "false"))
        {
            errors.Add(Error($"planned '{planned}' is neither true nor false", goldFile, entry.Get("planned")));
        }

        return date is null || key is null || title is null ? null
            : new GoldEvent(date, key, title, planned == "true", LineOf(entry));
    }

    private static GoldNonEvent? NonEvent(YamlMappingNode entry, string goldFile, List<Diagnostic> errors)
    {
        var key = Required(entry, "key", goldFile, errors);
        var why = Required(entry, "why", goldFile, errors);
        return key is null || why is null ? null : new GoldNonEvent(key, why, LineOf(entry));
    }

    /// <summary>The mappings of a list (absent or empty is an empty list; anything else is an error).</summary>
    private static IEnumerable<YamlMappingNode> Entries(YamlMappingNode root, string name, string goldFile, List<Diagnostic> errors)
    {
        switch (root.Get(name))
        {
            case null or YamlScalarNode { Value: null or "" or "[]" }:
                yield break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (item is YamlMappingNode map)
                    {
                        yield return map;
                    }
                    else
                    {
                        errors.Add(Error($"an entry of '{name}' is not a mapping (date/key/title or key/why)", goldFile, item));
                    }
                }

                break;
            case var other:
                errors.Add(Error($"'{name}' must be a list", goldFile, other));
                break;
        }
    }

    private static string? Required(YamlMappingNode map, string key, string goldFile, List<Diagnostic> errors)
    {
        var value = map.GetString(key);
        if (value is null)
        {
            errors.Add(Diagnostic.Error(Code, $"'{key}' is missing or empty", goldFile, LineOf(map)));
        }

        return value;
    }

    private static Diagnostic Error(string message, string goldFile, YamlNode? node) =>
        Diagnostic.Error(Code, message, goldFile, node is null ? null : LineOf(node));

    private static int LineOf(YamlNode node) => (int)node.Start.Line;
}
