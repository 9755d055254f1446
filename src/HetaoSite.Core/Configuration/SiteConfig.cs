using HetaoSite.Core.Model;
using HetaoSite.Core.Yaml;
using MemoryPack;

namespace HetaoSite.Core.Configuration;

/// <summary>Everything <c>site-config.yml</c> says, with defaults for what it leaves out. See README for the reference.</summary>
/// <param name="Zone">The gazetteer of <c>zone:</c>; null (no such section) turns the "about the zone" filter off.</param>
[MemoryPackable]
public sealed partial record SiteConfig(
    SiteSettings Site,
    TimelineWindow Window,
    IReadOnlyDictionary<string, ArticleOverride> Articles,
    CleaningOptions Cleaning,
    IReadOnlyList<CategoryRule> Categories,
    EditorialOptions Editorial,
    BuildLimits Limits,
    ZoneGazetteer? Zone = null)
{
    public static SiteConfig Default { get; } = new(
        SiteSettings.Default,
        new TimelineWindow(2017, 2025),
        new Dictionary<string, ArticleOverride>(StringComparer.Ordinal),
        CleaningOptions.Default,
        CategoryRule.Defaults,
        EditorialOptions.Empty,
        BuildLimits.Default);

    public ArticleOverride? OverrideFor(string fileName) =>
        Articles.TryGetValue(fileName, out var value) ? value : null;
}

/// <summary>Site-wide settings.</summary>
/// <param name="BaseUrl">Absolute URL of the published site, used in feeds, sitemap and canonical links.</param>
/// <param name="BasePath">Path prefix every link starts with: "/" for a user site, "/repo/" for a project site.</param>
/// <param name="DefaultScript">The script of the root rendering; the other script is rendered under its own prefix.</param>
/// <param name="NewestFirst">Timeline order on the home page (oldest first by default).</param>
/// <param name="BuildDate">Fixed build date for feeds; otherwise SOURCE_DATE_EPOCH or the newest article.</param>
/// <param name="Paginate">Events per list page (<c>site.paginate</c>). A site with at most this many events lists them all
/// on the home page; a larger one lists them on year pages of at most this many events (cut at month boundaries where
/// possible) and category pages likewise. 0 never paginates.</param>
/// <param name="FeedLimit">Entries in each Atom feed (<c>site.feed_limit</c>): the latest events and articles. 0 = all.</param>
[MemoryPackable]
public sealed partial record SiteSettings(
    string Title,
    string Description,
    string BaseUrl,
    string BasePath,
    Script DefaultScript,
    bool NewestFirst,
    string? Author,
    DateOnly? BuildDate,
    int Paginate = SiteSettings.DefaultPaginate,
    int FeedLimit = SiteSettings.DefaultFeedLimit)
{
    public const int DefaultPaginate = 200;

    public const int DefaultFeedLimit = 100;

    public static SiteSettings Default { get; } = new(
        "河套深港科技創新合作區大事記",
        "河套深港科技創新合作區 2017–2025 年的發展，每一件事都附上報道原句。",
        "https://example.github.io/",
        "/",
        Script.Hant,
        false,
        null,
        null);
}

/// <summary>The years an event must fall in to be on the timeline (inclusive).</summary>
[MemoryPackable]
public sealed partial record TimelineWindow(int FromYear, int ToYear)
{
    public bool Contains(PartialDate date) => date.Year >= FromYear && date.Year <= ToYear;
}

/// <summary>What the maintainers know about one article better than its text does.</summary>
/// <param name="Image">The image keys (<c>image</c>, <c>image_alt</c>, …): each one set wins over the article's own.</param>
[MemoryPackable]
public sealed partial record ArticleOverride(
    PartialDate? Published,
    string? Title,
    string? Outlet,
    string? Url,
    IReadOnlyList<TextCorrection> Corrections,
    int Line,
    Loading.ImageKeys? Image = null);

/// <summary>A literal find → replace applied to an article's cleaned text, and reported.</summary>
[MemoryPackable]
public sealed partial record TextCorrection(string Find, string Replace);

/// <summary>Extra cleaning patterns (regular expressions) added to the built-in defaults.</summary>
[MemoryPackable]
public sealed partial record CleaningOptions(IReadOnlyList<string> Boilerplate, IReadOnlyList<string> Captions)
{
    public static CleaningOptions Default { get; } = new([], []);
}

/// <summary>
/// A category and the keywords that put an event in it (most keyword weight wins; ties go to the earlier rule; no hit
/// at all gives the last rule that may apply).
/// </summary>
/// <param name="Requires">When set, the rule applies only to an event whose title or sentence names one of these
/// (深港合作 needs a Hong Kong party).</param>
[MemoryPackable]
public sealed partial record CategoryRule(string Id, string Name, string NameHans, IReadOnlyList<string> Keywords, IReadOnlyList<string>? Requires = null)
{
    /// <summary>Words that name a Hong Kong party: what makes a development Shenzhen–Hong Kong cooperation.</summary>
    private static readonly string[] HongKongParties =
    [
        "香港", "港方", "港府", "特區政府", "特区政府", "港資", "港资", "港企", "港青", "港澳", "港大", "港科大", "港中大", "港城大", "港理工",
        "兩地政府", "两地政府", "深港雙方", "深港双方", "深港兩地", "深港两地", "Hong Kong",
    ];

    public static IReadOnlyList<CategoryRule> Defaults { get; } =
    [
        new("policy", "政策與規劃", "政策与规划", ["規劃", "规划", "政策", "意見", "意见", "實施方案", "实施方案", "條例", "条例", "措施", "政策包", "批准", "印發", "印发", "決定", "决定", "機制", "机制"]),
        new("finance", "金融", "金融", ["基金", "金融", "融資", "融资", "科匯通", "科汇通", "證券", "证券", "上市", "跨境質押", "跨境质押", "交易所", "資金", "资金"]),
        new("research", "科研平台", "科研平台", ["實驗室", "实验室", "研究院", "研究所", "科研", "量子", "平台", "中試", "中试", "研發中心", "研发中心"]),
        new("industry", "企業與產業", "企业与产业", ["企業", "企业", "公司", "產業", "产业", "芯片", "獨角獸", "独角兽", "落戶", "落户", "落地", "入駐", "入驻", "進駐", "进驻", "推出", "產品", "产品", "量產", "量产", "自動駕駛", "自动驾驶", "總部", "总部"]),
        new("talent", "人才與教育", "人才与教育", ["人才", "學院", "学院", "高校", "大學", "大学", "開學", "开学", "青年", "教育"]),
        // A service of the park (one-stop centre, 一網通辦, a virtual park) is part of the park, not a company's product.
        new("infrastructure", "園區與基建", "园区与基建", ["園區", "园区", "開園", "开园", "口岸", "建設", "建设", "大樓", "大楼", "空間", "空间", "通道", "服務", "服务", "服務中心", "服务中心", "服務矩陣", "服务矩阵", "一網通辦", "一网通办", "一站式"]),
        // Gatherings only: "展" alone matched 發展 and 開展 (a river clean-up became a forum).
        new("forums", "論壇與活動", "论坛与活动", ["論壇", "论坛", "峰會", "峰会", "會議", "会议", "發布會", "发布会", "交易會", "交易会", "活動", "活动", "展會", "展会", "展覽", "展览", "博覽會", "博览会", "研討會", "研讨会"]),
        new("cooperation", "深港合作", "深港合作", ["深港合作", "深港協同", "深港协同", "兩地", "两地", "跨境", "港澳", "香港", "合作", "協議", "协议", "聯合", "联合"], HongKongParties),
    ];
}

/// <summary>Editorial control over the timeline: excluded ids, corrections, merges and manual events.</summary>
/// <param name="Keep">Ids of statements the extraction dropped as mentions or as not about the zone, kept as events
/// (the id is listed with each such drop in data/report.json).</param>
[MemoryPackable]
public sealed partial record EditorialOptions(
    IReadOnlyList<string> Exclude,
    IReadOnlyList<EventCorrection> Corrections,
    IReadOnlyList<EventMerge> Merges,
    IReadOnlyList<ManualEvent> Manual,
    IReadOnlyList<string>? Keep = null)
{
    public static EditorialOptions Empty { get; } = new([], [], [], []);

    /// <summary>The ids of <see cref="Keep"/> (empty when none).</summary>
    [MemoryPackIgnore]
    public IReadOnlyList<string> KeepIds => Keep ?? [];
}

/// <summary>Corrects the date, title, category and/or milestone mark of the event with <paramref name="Id"/>.</summary>
/// <param name="Milestone">True or false to override <c>MilestoneRule</c> for this event; null to leave it to the rule.</param>
[MemoryPackable]
public sealed partial record EventCorrection(string Id, PartialDate? Date, string? Title, string? Category, int Line, bool? Milestone = null);

/// <summary>Merges the events <paramref name="From"/> into the event <paramref name="Into"/>.</summary>
[MemoryPackable]
public sealed partial record EventMerge(string Into, IReadOnlyList<string> From, int Line);

/// <summary>An event the text does not state in a form the parser finds, added by hand with its citation.</summary>
[MemoryPackable]
public sealed partial record ManualEvent(PartialDate Date, PartialDate? End, string Title, string Category, string File, string Sentence, int Line);

/// <summary>Bounds that keep hostile input from exhausting the build.</summary>
[MemoryPackable]
public sealed partial record BuildLimits(
    long MaxFileBytes,
    int MaxHtmlDepth,
    int MaxDatesPerArticle,
    int MaxSecondsPerArticle,
    int MaxTitleCharacters,
    YamlLimits Yaml)
{
    public static BuildLimits Default { get; } = new(32L * 1024 * 1024, 256, 2000, 20, 300, new YamlLimits());
}
