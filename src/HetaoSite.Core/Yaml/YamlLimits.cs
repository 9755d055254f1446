using MemoryPack;

namespace HetaoSite.Core.Yaml;

/// <summary>Bounds on a YAML document: its size in characters, its alias references and its nesting depth.</summary>
[MemoryPackable]
public sealed partial record YamlLimits(int MaxCharacters = 256 * 1024, int MaxAliases = 64, int MaxDepth = 32);
