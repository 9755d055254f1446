namespace HetaoSite.Bench;

/// <summary>The raw material of generated articles, in Traditional script (Simplified comes from <see cref="Simplified"/>).</summary>
internal static class Phrases
{
    public static readonly string[] Organisations =
    [
        "香港科技大學", "香港中文大學", "香港大學", "香港城市大學", "深港科技創新合作區發展署", "粵港澳大灣區量子科學中心",
        "深圳河套學院", "深圳市科技創新局", "國際量子研究院", "粵港澳大灣區數字經濟研究院", "深港科創公司", "福田區政府",
        "金磚國家未來網絡研究院", "香港生產力促進局", "國家藥監局大灣區分中心",
    ];

    public static readonly string[] Actions =
    [
        "簽署深港科技合作協議", "舉行聯合實驗室揭牌儀式", "發布新一輪科研支持政策", "啟動跨境科研資金試點", "正式開園運營",
        "舉辦河套創新論壇", "成立跨境中試轉化平台", "引進十餘個高端科研團隊", "發布園區產業發展規劃", "設立科技創新基金",
        "推出人才便利通行措施", "建成超級算力中心", "落地國際標準組織", "開通跨境專用通道", "舉行項目集中簽約活動",
    ];

    /// <summary>Characters that spell a development's name from its article index (30 of them; see ArticleGenerator.Name).</summary>
    public static readonly string[] NameParts =
    [
        "啟", "航", "星", "瀚", "海", "光", "明", "遠", "鵬", "程", "嘉", "禾", "睿", "智", "雲", "峰", "澤", "宇", "恆", "信",
        "卓", "越", "新", "源", "博", "通", "達", "穎", "晨", "曦",
    ];

    public static readonly string[] OrganisationKinds = ["公司", "研究院", "實驗室", "研究所", "中心", "集團"];

    /// <summary>What a development is; {0} is the project's name.</summary>
    public static readonly string[] ProjectActions =
    [
        "啟動「{0}」平台", "簽約「{0}」實驗室", "發布「{0}」成果", "建成「{0}」算力中心", "引進「{0}」團隊", "開通「{0}」專線",
        "設立「{0}」基金", "揭牌「{0}」項目",
    ];

    public static readonly string[] Fillers =
    [
        "河套深港科技創新合作區是粵港澳大灣區唯一以科技創新為主題的特色平台。",
        "園區聚焦信息技術、量子科技、生物醫藥、新材料等領域，推動產學研深度融合。",
        "業內人士認為，深港兩地科研資源互補，合作空間廣闊。",
        "一批國際頂尖的研發中心和行業級的中試轉化平台在這裡加速聚集。",
        "合作區積極探索科研管理新機制，讓科研人員心無旁騖地開展研究。",
        "來自香港的創業團隊表示，這裡的政策支持力度大，配套服務完善。",
        "據介紹，園區已累計引進科研項目超過一百五十個，初步形成六大科創集群。",
        "深圳園區與香港園區隔河相望，兩地協同發展的格局正在形成。",
        "專家指出，跨境數據流動和科研設備通關便利化是下一步的重點。",
        "合作區還將進一步完善國際化的營商環境，吸引全球創新資源。",
        "有關負責人說，要以制度創新促進科技創新，打造國際一流的科研高地。",
        "記者在現場看到，多家科技企業的展台前人頭攢動。",
    ];

    public static readonly string[] Names = ["周紅聲", "許依妍", "劉芳", "梁旭", "趙瑞希", "吳家明", "胡永愛", "陳曉明", "黃志強", "李慧"];

    public static readonly string[] Outlets = ["深圳特區報", "新華網", "大公報", "證券時報", "人民網", "羊城晚報", "香港文匯報", "南方日報"];

    public static readonly string[] Tags = ["河套", "深港合作", "科技創新", "大灣區", "量子", "生物醫藥", "人才", "金融"];

    /// <summary>Pinyin that copy-pasted pages glue after characters: 創(chuàng)新.</summary>
    public static readonly (char Character, string Pinyin)[] Annotations =
    [
        ('創', "chuàng"), ('區', "qū"), ('報', "bào"), ('網', "wǎng"), ('園', "yuán"), ('項', "xiàng"), ('際', "jì"),
    ];

    public static readonly string[] Boilerplate =
    [
        "返回頂部", "【糾錯】", "分享到：微信 微博 QQ空間", "相關新聞：河套 | 深港合作 | 科創 | 大灣區 | 前海 | 更多>>",
        "熱門推薦：科技 | 財經 | 港澳 | 國際 | 體育 | 娛樂 | 汽車 | 房產 | 更多>>", "小字號", "打印本頁 關閉窗口",
    ];

    public static readonly string[] ChineseDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static readonly string[] ChineseMonths = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
}
