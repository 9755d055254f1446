using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HetaoSite.Core.Evaluation;

namespace HetaoSite.Cli;

/// <summary>JSON output settings: Chinese written as itself, not as \u escapes.</summary>
public static class JsonOptions
{
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>How <c>eval --json</c> writes its score, with a serializer generated at compile time (the tool is compiled ahead of time).</summary>
    internal static JsonTypeInfo<DevSetScore> Score { get; } = new CliJsonContext(new JsonSerializerOptions(Compact)).DevSetScore;
}

[JsonSerializable(typeof(DevSetScore))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
