using HetaoSite.Core.Conversion;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>The real OpenCC converter, shared by tests that fold scripts; fails the test when OpenCC is missing.</summary>
public static class RealOpenCc
{
    private static readonly Lazy<IScriptConverter> Instance = new(() =>
    {
        Assert.True(OpenCcConverter.TryCreate(out var converter, out var problem), $"OpenCC should be available here: {problem}");
        return converter!;
    });

    public static IScriptConverter Converter => Instance.Value;
}
