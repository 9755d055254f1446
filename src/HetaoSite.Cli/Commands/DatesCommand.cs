using System.Text.Json;
using System.Text.Json.Nodes;
using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Commands;

/// <summary>
/// <c>dates --ref YYYY-MM-DD --text "…"</c> prints the dates in the text as a JSON array of
/// <c>{"date","precision","expression"}</c> (plus <c>"end"</c> for ranges and <c>"relative"</c>);
/// <c>dates --jsonl</c> reads <c>{"ref","text"}</c> lines on stdin and prints one array per line.
/// </summary>
public static class DatesCommand
{
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var arguments = CommandArguments.Parse(args, ["ref", "text"], ["jsonl"]);
        if (arguments.Has("jsonl"))
        {
            return RunBatch(stdin, stdout, stderr);
        }

        var anchor = ParseAnchor(arguments.Get("ref") ?? throw new UsageException("dates needs --ref YYYY-MM-DD (or --jsonl)"));
        var text = arguments.Get("text") ?? throw new UsageException("dates needs --text \"…\"");
        stdout.WriteLine(ToJson(TemporalParser.Parse(text, anchor)));
        return ExitCode.Success;
    }

    private static int RunBatch(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var lineNumber = 0;
        var failures = 0;
        while (stdin.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                stdout.WriteLine("[]");
                continue;
            }

            try
            {
                var node = JsonNode.Parse(line)?.AsObject() ?? throw new JsonException("not an object");
                var anchor = ParseAnchor(node["ref"]?.GetValue<string>() ?? throw new JsonException("missing \"ref\""));
                var text = node["text"]?.GetValue<string>() ?? throw new JsonException("missing \"text\"");
                stdout.WriteLine(ToJson(TemporalParser.Parse(text, anchor)));
            }
            catch (Exception ex) when (ex is JsonException or UsageException or InvalidOperationException or FormatException)
            {
                failures++;
                stderr.WriteLine($"stdin:{lineNumber}: error HS0401: {ex.Message}");
                stdout.WriteLine("[]");
            }
        }

        return failures == 0 ? ExitCode.Success : ExitCode.ContentErrors;
    }

    private static PartialDate ParseAnchor(string text) =>
        PartialDate.TryParse(text, out var anchor) ? anchor : throw new UsageException($"--ref '{text}' is not YYYY-MM-DD, YYYY-MM or YYYY");

    public static string ToJson(TemporalParse parse)
    {
        var array = new JsonArray();
        foreach (var date in parse.Dates)
        {
            var item = new JsonObject
            {
                ["date"] = date.Date.ToString(),
                ["precision"] = date.Precision.ToString().ToLowerInvariant(),
                ["expression"] = date.Text,
            };
            if (date.End is { } end)
            {
                item["end"] = end.ToString();
            }

            item["relative"] = date.Relative;
            if (date.Approximate)
            {
                item["approximate"] = true;
            }

            array.Add((JsonNode)item);
        }

        return array.ToJsonString(JsonOptions.Compact);
    }
}
