namespace HetaoSite.Bench;

/// <summary>
/// Traditional → Simplified for exactly the characters <see cref="Phrases"/> uses (made once with <c>opencc -c t2s</c>),
/// so the generator needs no OpenCC at run time.
/// </summary>
internal static class Simplified
{
    private const string From = "佈來個備儀億內兩創劃劉動務匯區協吳員啟國園圖團報場壇娛學實將專廣強愛據攝攢數於時曉業極樂標機歷準濟灣為無熱營現環產發監磚積簽粵糾約紅級紹組絡經網編織聞聯聲與舉華薦藥號術補裡規計訊記設許試認說論證議讓負財責資趙車輪轉辦這進運過還醫錯門閉開間闊關陳隊際頁頂項預領頭題餘騖驗體黃點恆樞測澤穎線總製達遠雲電靈鵬";
    private const string To = "布来个备仪亿内两创划刘动务汇区协吴员启国园图团报场坛娱学实将专广强爱据摄攒数于时晓业极乐标机历准济湾为无热营现环产发监砖积签粤纠约红级绍组络经网编织闻联声与举华荐药号术补里规计讯记设许试认说论证议让负财责资赵车轮转办这进运过还医错门闭开间阔关陈队际页顶项预领头题余骛验体黄点恒枢测泽颖线总制达远云电灵鹏";

    private static readonly Dictionary<char, char> Map = From.Zip(To).ToDictionary(p => p.First, p => p.Second);

    public static string Convert(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Map.TryGetValue(source[i], out var simplified) ? simplified : source[i];
        }
    });
}
