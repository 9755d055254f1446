using HetaoSite.Core.Conversion;

namespace HetaoSite.Cli;

/// <summary>
/// The process-wide script converter: OpenCC when installed, otherwise null after one warning on stderr naming the
/// package to install (the site is then built in the articles' own scripts only).
/// </summary>
public static class ScriptConverters
{
    private static readonly Lazy<IScriptConverter?> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IScriptConverter? Default => Instance.Value;

    private static IScriptConverter? Create()
    {
        if (OpenCcConverter.TryCreate(out var converter, out var problem))
        {
            return converter;
        }

        Console.Error.WriteLine($"warning: {problem}");
        return null;
    }
}
