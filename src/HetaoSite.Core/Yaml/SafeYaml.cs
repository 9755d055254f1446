using HetaoSite.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Core.Yaml;

/// <summary>
/// Reads untrusted YAML (front matter, the site config) into a node tree without ever constructing objects from it:
/// type tags (<c>!!python/object</c>, <c>!!binary</c>, <c>!custom</c>) are refused, and size, alias references and
/// nesting depth are bounded before the tree is built, so an alias bomb or a deep nest fails fast with a message.
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

        var scan = Scan(text, file, firstLine, limits);
        if (scan is not null)
        {
            return Fail(scan);
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
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
        catch (YamlException ex)
        {
            return Fail(Diagnostic.Error("HS0113", $"malformed YAML: {FirstLine(ex.Message)}", file, Line(ex.Start, firstLine),
                "check indentation (spaces, not tabs), quotes and colons"));
        }
    }

    /// <summary>1-based file line of a YAML mark, given the file line the YAML text starts on.</summary>
    public static int Line(Mark mark, int firstLine) => firstLine + (int)Math.Max(0, mark.Line - 1);

    private static Diagnostic? Scan(string text, string file, int firstLine, YamlLimits limits)
    {
        var parser = new Parser(new StringReader(text));
        var aliases = 0;
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case NodeEvent { Tag.IsEmpty: false } tagged when !IsPlainTag(tagged.Tag.Value):
                        return Diagnostic.Error("HS0114", $"YAML type tag '{tagged.Tag.Value}' is not allowed", file, Line(current.Start, firstLine),
                            "remove the tag; values are read as plain text");
                    case AnchorAlias when ++aliases > limits.MaxAliases:
                        return Diagnostic.Error("HS0115", $"YAML uses more than {limits.MaxAliases} aliases", file, Line(current.Start, firstLine),
                            "write the values out instead of using anchors and aliases");
                    case MappingStart or SequenceStart when ++depth > limits.MaxDepth:
                        return Diagnostic.Error("HS0116", $"YAML is nested more than {limits.MaxDepth} levels deep", file, Line(current.Start, firstLine));
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some malformed flow collections ("[unclosed") this way instead of as a YamlException.
            return Diagnostic.Error("HS0113", $"malformed YAML: {FirstLine(ex.Message)}", file, firstLine,
                "check brackets, indentation (spaces, not tabs), quotes and colons");
        }
        catch (YamlException ex)
        {
            return Diagnostic.Error("HS0113", $"malformed YAML: {FirstLine(ex.Message)}", file, Line(ex.Start, firstLine),
                "check indentation (spaces, not tabs), quotes and colons");
        }

        return null;
    }

    // The core schema's own tags (!!str, !!int, …) are harmless; anything else asks for a type we never build.
    private static bool IsPlainTag(string tag) => tag is "tag:yaml.org,2002:str" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float"
        or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null" or "tag:yaml.org,2002:seq" or "tag:yaml.org,2002:map" or "?" or "!";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static StageResult<YamlMappingNode?> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);
}
