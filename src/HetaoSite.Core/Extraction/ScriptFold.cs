using System.Collections.Frozen;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Folds Traditional characters to Simplified, one character for one, so that word lists written once (in Simplified)
/// and the gazetteer in site-config.yml (in either script) match texts in both scripts. Not a conversion: the table
/// holds the characters those lists need (and common pairs such as 國/国, 區/区); other characters stay as they are.
/// </summary>
/// <remarks>
/// Hong Kong forms fold too (説, 户, 税, 衞). <c>ScriptFoldTests</c> checks with OpenCC that every word of
/// <see cref="EventWording"/> and every gazetteer entry of site-config.yml folds to the same key in both scripts; a
/// maintainer's new entry with a character outside the table is best written in both scripts.
/// </remarks>
public static class ScriptFold
{
    private const string Traditional = "亞佈佔併來倉個們備價儀億優兌內兩創劃動務勢區協員問啓啟嘆國圍園圖團報場壇學實審寫將專對導屆層峯島崗師幣廣廳強後從徵態應戶掛採換據擬擴攝數於時書會東條業榮構樂樓標樣機檢權歲歷氣決淨測準滿濟灣為無營爲獎獲現產當發監瞭磚禮稅種稱簡簽粵約級紹組結絡統經綫綱網線編縣總織義聞聯腦臺與舉華萬藥蘋處號術衛衞裏裡覆見規視覽觀訂計討記訪設評試認誕語說説調談論證議讀變讓貨責貿資質購賽車軍輯轉辦這進運過達遷選還邊鄉醫錄鐵長門閃開間關際隨雙雲電韓頂項預頒題額馬駐驗體點龍爭頃講話辭";
    private const string Simplified = "亚布占并来仓个们备价仪亿优兑内两创划动务势区协员问启启叹国围园图团报场坛学实审写将专对导届层峰岛岗师币广厅强后从征态应户挂采换据拟扩摄数于时书会东条业荣构乐楼标样机检权岁历气决净测准满济湾为无营为奖获现产当发监了砖礼税种称简签粤约级绍组结络统经线纲网线编县总织义闻联脑台与举华万药苹处号术卫卫里里复见规视览观订计讨记访设评试认诞语说说调谈论证议读变让货责贸资质购赛车军辑转办这进运过达迁选还边乡医录铁长门闪开间关际随双云电韩顶项预颁题额马驻验体点龙争顷讲话辞";

    private static readonly FrozenDictionary<char, char> Table =
        Traditional.Zip(Simplified).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>"河套深港科技創新合作區" → "河套深港科技创新合作区"; text without a Traditional character of the table is returned as is.</summary>
    public static string Fold(string text)
    {
        var i = 0;
        while (i < text.Length && !Table.ContainsKey(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                span[j] = Table.TryGetValue(source[j], out var simplified) ? simplified : source[j];
            }
        });
    }
}
