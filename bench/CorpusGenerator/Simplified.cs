namespace HetaoSite.Bench;

/// <summary>
/// Traditional → Simplified for exactly the characters <see cref="Phrases"/> uses (made once with <c>opencc -c t2s</c>),
/// so the generator needs no OpenCC at run time.
/// </summary>
internal static class Simplified
{
    private const string From = "佈來係個備僅儀億優內兩則剛創劃劉劑動務勢勵匯區協參吳員問啟國園圖團堅報場壇夥娛學實審將專對導師幫廠廣強後從恆愛態應擇據攝攢數斷於時曉會條業極構樂標樞樣機權歷測準澤濕濟灣為無熱營現環產當療發監眾碼磚礎種積穎節簡簽粵糾約紅級紮紹組結絡給經綠網緊線編緩練總織繫續聞聯聲與舉華薦藥號術補裡製見規計訊訓記訪設許試話認語說請論證識議護變讓負財責資趙車軌輕輪轉辦這進運過達遠適選還邊醫釋銜錯鍵鏈門閉開間闊關陳隊際離難雲電靈頁頂項預領頭題顯餘騖驗體鵬黃點";
    private const string To = "布来系个备仅仪亿优内两则刚创划刘剂动务势励汇区协参吴员问启国园图团坚报场坛伙娱学实审将专对导师帮厂广强后从恒爱态应择据摄攒数断于时晓会条业极构乐标枢样机权历测准泽湿济湾为无热营现环产当疗发监众码砖础种积颖节简签粤纠约红级扎绍组结络给经绿网紧线编缓练总织系续闻联声与举华荐药号术补里制见规计讯训记访设许试话认语说请论证识议护变让负财责资赵车轨轻轮转办这进运过达远适选还边医释衔错键链门闭开间阔关陈队际离难云电灵页顶项预领头题显余骛验体鹏黄点";

    private static readonly Dictionary<char, char> Map = From.Zip(To).ToDictionary(p => p.First, p => p.Second);

    public static string Convert(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Map.TryGetValue(source[i], out var simplified) ? simplified : source[i];
        }
    });
}
