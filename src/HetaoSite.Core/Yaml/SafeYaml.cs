using HetaoSite.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Core.Yaml;

/// <summary>
/// Reads untrusted YAML (front matter, the site config) into a node tree without ever constructing objects from it:
/// type tags (<c>!!python/object</c>, <c>!!binary</c>, <c>!custom</c>) are refused, the size is bounded before parsing,
/// and alias references and nesting depth are counted on the parser's events before a node is built from each, so an
/// alias bomb or a deep nest fails fast with a message.
/// </summary>
public static class SafeYaml
{
    /// <summary>Parses one YAML document whose root must be a mapping (an empty document gives an empty mapping).</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name, for diagnostics.</param>
    /// <param name="firstLine">The file line the text starts on (front matter starts after the opening <c>---</c>).</param>
    public static StageResult<YamlMappingNode?> ParseMapping(string text, string file, int firstLine, YamlLimits limits)
    {
        if (text.Length > limits.MaxCharacters)
        {
            return Fail(Diagnostic.Error("HS0110", $"YAML block is {text.Length} characters, more than the limit of {limits.MaxCharacters}", file, firstLine,
                "shorten it or raise limits.max_yaml_characters in site-config.yml"));
        }

        try
        {
            // One pass: the node tree is built from the checked events, so a refused tag, an alias too many or a level
            // too deep stops the parse before any node for it exists.
            var stream = new YamlStream();
            stream.Load(new CheckedParser(new Parser(new StringReader(text)), limits));
            if (stream.Documents.Count == 0)
            {
                return StageResult<YamlMappingNode?>.Ok(new YamlMappingNode());
            }

            if (stream.Documents.Count > 1)
            {
                return Fail(Diagnostic.Error("HS0111", "YAML block holds more than one document", file, firstLine));
            }

            return stream.Documents[0].RootNode switch
            {
                YamlMappingNode map => StageResult<YamlMappingNode?>.Ok(map),
                YamlScalarNode { Value: null or "" } => StageResult<YamlMappingNode?>.Ok(new YamlMappingNode()),
                var other => Fail(Diagnostic.Error("HS0112", "YAML block is not a mapping of keys to values", file, Line(other.Start, firstLine),
                    "write it as 'key: value' lines")),
            };
        }
        catch (RefusedEvent refused)
        {
            return Fail(refused.Problem switch
            {
                Refusal.Tag => Diagnostic.Error("HS0114", $"YAML type tag '{refused.Tag}' is not allowed", file, Line(refused.Start, firstLine),
                    "remove the tag; values are read as plain text"),
                Refusal.Aliases => Diagnostic.Error("HS0115", $"YAML uses more than {limits.MaxAliases} aliases", file, Line(refused.Start, firstLine),
                    "write the values out instead of using anchors and aliases"),
                _ => Diagnostic.Error("HS0116", $"YAML is nested more than {limits.MaxDepth} levels deep", file, Line(refused.Start, firstLine)),
            });
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some malformed flow collections ("[unclosed") this way instead of as a YamlException.
            return Fail(Diagnostic.Error("HS0113", $"malformed YAML: {FirstLine(ex.Message)}", file, firstLine,
                "check brackets, indentation (spaces, not tabs), quotes and colons"));
        }
        catch (YamlException ex)
        {
            return Fail(Diagnostic.Error("HS0113", $"malformed YAML: {FirstLine(ex.Message)}", file, Line(ex.Start, firstLine),
                "check indentation (spaces, not tabs), quotes and colons"));
        }
    }

    /// <summary>1-based file line of a YAML mark, given the file line the YAML text starts on.</summary>
    public static int Line(Mark mark, int firstLine) => firstLine + (int)Math.Max(0, mark.Line - 1);

    private enum Refusal
    {
        Tag,
        Aliases,
        Depth,
    }

    /// <summary>An event the parser refused: a type tag, one alias too many, one level too deep.</summary>
    private sealed class RefusedEvent(Refusal problem, Mark start, string? tag = null) : Exception
    {
        public Refusal Problem { get; } = problem;

        public Mark Start { get; } = start;

        public string? Tag { get; } = tag;
    }

    /// <summary>The parser's events, each checked before the node tree is built from it.</summary>
    private sealed class CheckedParser(IParser inner, YamlLimits limits) : IParser
    {
        private int _aliases;
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            switch (current)
            {
                case NodeEvent { Tag.IsEmpty: false } tagged when !IsPlainTag(tagged.Tag.Value):
                    throw new RefusedEvent(Refusal.Tag, current.Start, tagged.Tag.Value);
                case AnchorAlias when ++_aliases > limits.MaxAliases:
                    throw new RefusedEvent(Refusal.Aliases, current.Start);
                case MappingStart or SequenceStart when ++_depth > limits.MaxDepth:
                    throw new RefusedEvent(Refusal.Depth, current.Start);
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }

    // The core schema's own tags (!!str, !!int, …) are harmless; anything else asks for a type we never build.
    private static bool IsPlainTag(string tag) => tag is "tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float"
        or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null" or "tag:yaml.org,2002:seq" or "tag:yaml.org,2002:map" or "?" or "!";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static StageResult<YamlMappingNode?> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
