using System.Text.Encodings.Web;
using System.Text.Json;

namespace HetaoSite.Cli;

/// <summary>JSON output settings: Chinese written as itself, not as \u escapes.</summary>
public static class JsonOptions
{
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
