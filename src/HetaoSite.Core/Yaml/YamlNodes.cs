using YamlDotNet.RepresentationModel;

namespace HetaoSite.Core.Yaml;

/// <summary>Small readers over a YAML node tree: scalars as text, sequences of scalars as lists.</summary>
public static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? GetString(this YamlMappingNode map, string key) =>
        map.Get(key) is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value) ? scalar.Value!.Trim() : null;

    public static YamlMappingNode? GetMapping(this YamlMappingNode map, string key) => map.Get(key) as YamlMappingNode;

    /// <summary>A scalar or a sequence of scalars, as a list of trimmed, non-empty strings.</summary>
    public static IReadOnlyList<string> GetStrings(this YamlMappingNode map, string key) => map.Get(key) switch
    {
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>()
            .Select(s => s.Value?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList(),
        YamlScalarNode { Value: { Length: > 0 } value } => value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
        _ => [],
    };

    /// <summary>A scalar rendered as text; a sequence or mapping as a compact, readable text.</summary>
    public static string ToText(this YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode seq => string.Join(", ", seq.Children.Select(ToText)),
        YamlMappingNode map => string.Join(", ", map.Children.Select(kv => $"{kv.Key.ToText()}: {kv.Value.ToText()}")),
        _ => string.Empty,
    };
}
