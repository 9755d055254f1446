using HetaoSite.Core.Conversion;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>
/// Stand-in used by the browser fixture only when OpenCC is not available (ScriptConverters.Default is null), so that
/// both renderings can still be browsed: maps a few dozen character pairs. Not a real converter.
/// </summary>
internal sealed class FixtureScriptConverter : IScriptConverter
{
    private const string Traditional = "區園發國務劃規時間軸簽協議學壇論會業設開專組關於與報處選搜尋覽預經濟佈體載類詳兩備錄動關際賓數遞進導";
    private const string Simplified = "区园发国务划规时间轴签协议学坛论会业设开专组关于与报处选搜寻览预经济布体载类详两备录动关际宾数递进导";

    private static readonly Dictionary<char, char> ToHans = Pairs().ToDictionary(p => p.Hant, p => p.Hans);
    private static readonly Dictionary<char, char> ToHant = Pairs().ToDictionary(p => p.Hans, p => p.Hant);

    public string ToSimplified(string text) => new([.. text.Select(c => ToHans.GetValueOrDefault(c, c))]);

    public string ToTraditional(string text) => new([.. text.Select(c => ToHant.GetValueOrDefault(c, c))]);

    private static IEnumerable<(char Hant, char Hans)> Pairs() =>
        Traditional.Zip(Simplified).Where(p => p.First != p.Second).DistinctBy(p => p.First).DistinctBy(p => p.Second);
}
