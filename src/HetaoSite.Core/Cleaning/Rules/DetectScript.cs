using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 9. Decides the article's script and language by counting characters that exist in only one script (a built-in
/// table of common Traditional/Simplified pairs such as 國/国, 區/区, 發/发): more Traditional-only characters →
/// zh-Hant, more Simplified-only → zh-Hans; text with more Latin letters than Han characters → en. A tie between
/// the scripts (rare, short texts) is zh-Hant, the site's default.
/// </summary>
/// <example><c>河套深港科技創新合作區</c> → Hant; <c>河套深港科技创新合作区</c> → Hans.</example>
public static class DetectScript
{
    private const string Traditional = "國會發這來時個們說對為學區開業經現動關長與產進實機點後從還體當兩過應間樣種結條內數變問題電見計總員設資邊圖級統專項網園報華術灣創樂歲辦務處強將讓認軍東亞門車書語聯貿號際標準組織億萬龍臺島圍鐵醫藥檢測試驗權證質歷觀韓義議寫師團廣場雙腦氣線據擴轉換優勢產業態層構獎協會議屆導廳雲淨鄉縣讀貨幣價倉";
    private const string Simplified = "国会发这来时个们说对为学区开业经现动关长与产进实机点后从还体当两过应间样种结条内数变问题电见计总员设资边图级统专项网园报华术湾创乐岁办务处强将让认军东亚门车书语联贸号际标准组织亿万龙台岛围铁医药检测试验权证质历观韩义议写师团广场双脑气线据扩转换优势产业态层构奖协会议届导厅云净乡县读货币价仓";

    private const byte TraditionalOnly = 1;
    private const byte SimplifiedOnly = 2;

    // For every UTF-16 code unit, whether it is a character of one script only: a table look-up per character of the
    // article, the whole text being read.
    private static readonly byte[] OnlyIn = OnlyInTable();

    private static byte[] OnlyInTable()
    {
        var table = new byte[char.MaxValue + 1];
        foreach (var c in Traditional.Where(c => !Simplified.Contains(c, StringComparison.Ordinal)))
        {
            table[c] = TraditionalOnly;
        }

        foreach (var c in Simplified.Where(c => !Traditional.Contains(c, StringComparison.Ordinal)))
        {
            table[c] = SimplifiedOnly;
        }

        return table;
    }

    public static CleaningPass Apply(CleaningPass pass)
    {
        var (script, language) = Detect(pass.Blocks.Select(b => b.Text));
        return pass with { Script = script, Language = language };
    }

    public static (Script Script, string Language) Detect(IEnumerable<string> texts)
    {
        int traditional = 0, simplified = 0, han = 0, latin = 0;
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                var only = OnlyIn[c];
                if (only == TraditionalOnly)
                {
                    traditional++;
                }
                else if (only == SimplifiedOnly)
                {
                    simplified++;
                }

                if (ChineseText.IsHan(c))
                {
                    han++;
                }
                else if (char.IsAsciiLetter(c))
                {
                    latin++;
                }
            }
        }

        if (latin > han)
        {
            return (Script.Latin, "en");
        }

        return simplified > traditional ? (Script.Hans, "zh-Hans") : (Script.Hant, "zh-Hant");
    }
}
