using System.Text;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Loading;

internal static class LoaderTestHelpers
{
    static LoaderTestHelpers() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static StageResult<RawArticle?> Load(string name, byte[] bytes, BuildLimits? limits = null) =>
        ArticleLoader.Load(new SourceFile(name, bytes), limits ?? BuildLimits.Default);

    public static StageResult<RawArticle?> Load(string name, string text, BuildLimits? limits = null) =>
        Load(name, Encoding.UTF8.GetBytes(text), limits);

    public static RawArticle LoadOk(string name, string text) => LoadOk(name, Encoding.UTF8.GetBytes(text));

    public static RawArticle LoadOk(string name, byte[] bytes)
    {
        var result = Load(name, bytes);
        Assert.False(result.HasErrors, $"expected {name} to load, got: {string.Join("; ", result.Diagnostics)}");
        return result.Value!;
    }

    public static Diagnostic SingleError(StageResult<RawArticle?> result)
    {
        Assert.Null(result.Value);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    public static byte[] Encode(string encodingName, string text, bool bom = false)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var body = encoding.GetBytes(text);
        Assert.Equal(text, encoding.GetString(body)); // the fixture itself must be representable
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }
}
