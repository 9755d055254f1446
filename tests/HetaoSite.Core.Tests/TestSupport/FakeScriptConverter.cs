using HetaoSite.Core.Conversion;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>
/// A stand-in for OpenCC in unit tests: maps a handful of Traditional/Simplified character pairs one to one.
/// Enough to see that every text is converted; not a real converter.
/// </summary>
public sealed class FakeScriptConverter : IScriptConverter
{
    private const string Traditional = "區園發國務劃規時間軸簽協議學壇論會業設開專組關於與報導處選搜尋導覽計預經濟發佈體繁載類詳";
    private const string Simplified = "区园发国务划规时间轴签协议学坛论会业设开专组关于与报导处选搜寻导览计预经济发布体繁载类详";

    private static readonly Dictionary<char, char> ToHans = Traditional.Zip(Simplified).Where(p => p.First != p.Second)
        .GroupBy(p => p.First).ToDictionary(g => g.Key, g => g.First().Second);

    private static readonly Dictionary<char, char> ToHant = Traditional.Zip(Simplified).Where(p => p.First != p.Second)
        .GroupBy(p => p.Second).ToDictionary(g => g.Key, g => g.First().First);

    public string ToSimplified(string text) => Map(text, ToHans);

    public string ToTraditional(string text) => Map(text, ToHant);

    private static string Map(string text, Dictionary<char, char> map) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = map.TryGetValue(source[i], out var c) ? c : source[i];
            }
        });
}
