using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>
/// A deterministic site of any size for the data files and the search index: Traditional and Simplified articles with
/// repeated titles, missing outlets and URLs, tags, cleaning statistics and dropped dates; events of every precision,
/// ranges, planned and approximate ones, several sources, repeated titles, sentences cited by more than one event and a
/// category the config does not name; key figures, timeline notes and a possible duplicate. Texts mix Chinese with Latin letters, digits,
/// characters JSON and HTML must escape and characters outside the Basic Multilingual Plane. Article k depends only on k.
/// </summary>
public static class GeneratedSite
{
    private static readonly string[] Organisations =
        ["香港科技大學", "深圳市科技創新局", "粵港澳大灣區量子科學中心", "HKSTP", "國際量子研究院", "深港科創公司", "福田區政府"];

    private static readonly string[] Actions =
        ["簽署合作協議", "舉行實驗室揭牌儀式", "發布科研支持政策", "啟動跨境資金試點", "正式開園", "舉辦創新論壇", "引進 AI 團隊", "開通 5G 專線"];

    private static readonly string[] Extras =
        ["", "", "", "（第<二>期）", "「A&B」計劃", "\"引號\"與\\斜線", "🚀火箭計劃", "Café 與 İstanbul", "行\u2028分隔", "'單引號' + `反引號`"];

    private static readonly string[] Fillers =
        ["園區環境優美，交通便利。", "與會嘉賓就深港合作進行了交流。", "記者了解到，相關工作正在推進。", "該項目獲得各方好評。"];

    private static readonly string[] Categories = ["policy", "research", "industry", "talent", "infrastructure", "forums", "cooperation", "unlisted-category"];

    private static readonly DropReason[] Reasons = Enum.GetValues<DropReason>();

    /// <summary>A site of <paramref name="articles"/> articles (about four events each), both scripts with the fake converter.</summary>
    public static SiteContent Content(int articles, int paginate)
    {
        var extractions = Enumerable.Range(0, articles).Select(Article).ToList();
        var events = new List<TimelineEvent>();
        var figures = new List<KeyFigure>();
        for (var k = 0; k < extractions.Count; k++)
        {
            var extraction = extractions[k];
            var article = extraction.Article;
            var dated = extraction.Sentences.Where(s => s.Text.Contains('年', StringComparison.Ordinal)).ToList();
            for (var i = 0; i < dated.Count; i++)
            {
                var sentence = dated[i];
                var n = Mix(k, i);
                var date = Date(n);
                var sources = new List<EventSource> { Source(extraction, sentence) };
                if (n % 5 == 0 && k > 0)
                {
                    var other = extractions[k - 1];
                    sources.Add(Source(other, other.Sentences.First(s => s.Text.Contains('年', StringComparison.Ordinal))));
                }

                // Every ninth event repeats its predecessor's title; every eleventh cites the same sentence again.
                var title = n % 9 == 0 && events.Count > 0 ? events[^1].Title
                    : $"{date.Year}年{Organisations[n % Organisations.Length]}{Actions[(n / 7) % Actions.Length]}{(n % 2 == 0 ? $"（{k}）" : string.Empty)}";
                if (n % 11 == 0 && events.Count > 0)
                {
                    sources = [.. events[^1].Sources];
                }

                PartialDate? end = n % 13 == 0 ? new PartialDate(date.Year + 1) : n % 17 == 0 && date.Month is { } m && m < 12 ? new PartialDate(date.Year, m + 1) : null;
                events.Add(new TimelineEvent($"e{date.Year}-{k:x4}{i}", date, end, title, Categories[n % Categories.Length],
                    n % 6 == 0, n % 8 == 0, sources));
            }

            if (k % 4 == 0 && dated.Count > 0)
            {
                figures.Add(new KeyFigure(Date(Mix(k, 99)), "截至2024年6月", dated[0].Text, article.FileName, article.Id, dated[0].Anchor));
            }
        }

        var ordered = events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var notes = new List<Diagnostic>
        {
            Diagnostic.Info("HS0401", "merged 3 events that name the same development", "000_gen.md"),
            Diagnostic.Warning("HS0402", "event title <truncated> & shortened", null, null, "check the \"title\""),
        };
        var settings = SiteSettings.Default with
        {
            BaseUrl = "https://example.org/generated/",
            BasePath = "/generated/",
            BuildDate = new DateOnly(2025, 6, 30),
            Paginate = paginate,
        };
        return SampleSite.Content(new FakeScriptConverter(), articles: extractions, events: ordered, settings: settings)
            with
            {
                Timeline = new SiteTimeline(ordered, figures, notes) { PossibleDuplicates = ordered.Count < 4 ? [] : [new PossibleDuplicate(ordered[0], ordered[3])] },
                Diagnostics = notes,
            };
    }

    /// <summary>Every file under <c>data/</c> the renderer writes for <paramref name="content"/>, by path.</summary>
    public static IReadOnlyDictionary<string, byte[]> DataFiles(SiteContent content)
    {
        var renditions = Rendition.For(content.Config.Site.DefaultScript, content.Context.Converter);
        var files = Core.Rendering.DataFiles.Render(content).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        files["data/timelinejs.json"] = TimelineJs.ToBytes(content, renditions[0]);
        foreach (var file in SearchIndex.Files(content, renditions))
        {
            files[file.Path] = file.Content;
        }

        return files;
    }

    private static ArticleExtraction Article(int k)
    {
        var hans = k % 3 == 1;
        string Script(string text) => hans ? new FakeScriptConverter().ToSimplified(text) : text;
        var year = 2017 + (k % 9);
        var blocks = new List<TextBlock>
        {
            new(Script($"{Organisations[k % Organisations.Length]}的消息{Extras[k % Extras.Length]}"), BlockKind.Heading, 1),
            new(Script($"{year}年{1 + (k % 12)}月，{Organisations[(k + 1) % Organisations.Length]}{Actions[k % Actions.Length]}。{Fillers[k % Fillers.Length]}{year + 1}年，園區第{k}期落成{Extras[(k + 3) % Extras.Length]}。"), BlockKind.Paragraph, 3),
            new(Script($"圖為現場{Extras[(k + 5) % Extras.Length]}。"), BlockKind.Caption, 5),
            new(Script($"{Fillers[(k + 1) % Fillers.Length]}預計{2017 + ((k + 4) % 9)}年，河套合作區將引進超過{k * 7}家企業。"), BlockKind.Paragraph, 7),
            new(Script($"{year}年下半年，完成第{k % 5}項工程。"), BlockKind.ListItem, 9),
        };
        // Every seventh article repeats the title of the article three before it.
        var titleOf = k % 7 == 6 ? k - 3 : k;
        var title = Script($"{Organisations[titleOf % Organisations.Length]}{Actions[titleOf % Actions.Length]}（第{titleOf}號）{Extras[titleOf % Extras.Length]}");
        var extraction = SampleSite.Article($"{k:d4}-gen", $"{k:d4}_gen.{(k % 3 == 0 ? "md" : k % 3 == 1 ? "txt" : "html")}", title,
            k % 5 == 4 ? null : Script(Organisations[(k + 2) % Organisations.Length] + "報"),
            k % 4 == 3 ? null : $"https://news.example.com/{k}?a=1&b=<{k}>", new PartialDate(year, 1 + (k % 12), k % 2 == 0 ? 1 + (k % 28) : null),
            hans ? Core.Model.Script.Hans : Core.Model.Script.Hant, blocks);
        var dropped = Enumerable.Range(0, k % 4).Select(i => new DroppedDate($"{year}年", Reasons[(k + i) % Reasons.Length], 1)).ToList();
        return extraction with
        {
            Article = extraction.Article with
            {
                DateSource = (MetadataOrigin)(k % 5),
                Format = (ArticleFormat)(k % 3),
                Encoding = k % 10 == 9 ? "big5" : "utf-8",
                Tags = k % 3 == 0 ? [] : [Script("河套"), $"tag-{k % 4}", "A&B"],
                Stats = new CleaningStats(k % 3, k % 4, k % 2, k % 5, k % 7 == 0 ? 1 : 0, k % 6 == 0 ? 2 : 0),
            },
            Dropped = dropped,
            DatesFound = dropped.Count + 3,
        };
    }

    private static EventSource Source(ArticleExtraction extraction, Sentence sentence) =>
        new(extraction.Article.FileName, extraction.Article.Id, sentence.Text, sentence.Text[..Math.Min(7, sentence.Text.Length)], sentence.Anchor);

    private static PartialDate Date(int n)
    {
        var year = 2017 + (n % 9);
        return (n / 9 % 3) switch
        {
            0 => new PartialDate(year),
            1 => new PartialDate(year, 1 + (n % 12)),
            _ => new PartialDate(year, 1 + (n % 12), 1 + (n % 28)),
        };
    }

    // A deterministic scramble of (article, index): Random's sequence is not promised to stay the same across versions.
    private static int Mix(int k, int i) => (int)((((uint)k * 2654435761u) ^ ((uint)i * 40503u)) % 1000003u);
}
