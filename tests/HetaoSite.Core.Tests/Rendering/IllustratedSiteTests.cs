using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>
/// A whole build of articles with images, in memory: the hashed copy (once for two articles), the figure on the article
/// page, og:image, the card thumbnail, TimelineJS media and articles.json; no image box for an article without image;
/// the warnings of a missing, large or undescribed image; a cached build equal to an uncached one after an image changes.
/// </summary>
public sealed class IllustratedSiteTests
{
    private const string Config = """
        site:
          title: 河套深港科技創新合作區大事記
          description: 河套深港科技創新合作區的發展。
          base_url: https://example.org/hetao/
          base_path: /hetao/
          default_script: zh-Hant
        window:
          from: 2017
          to: 2025
        articles:
          plain.txt:
            title: 河套園區舉行簽約儀式
            published: 2024-06-12
            image: images/park.png
            image_alt: 園區大樓外景
            image_credit: 測試攝影
        """;

    private const string Illustrated = """
        ---
        title: 河套深圳園區迎來新一批科研項目
        date: 2024-06-10
        image: images/park.png
        image_alt: 園區大樓外景
        image_caption: 河套深圳園區
        ---

        2024年6月5日，河套深港科技創新合作區深圳園區舉行簽約儀式，十個科研項目集中落戶園區。
        """;

    private const string Remote = """
        ---
        title: 河套合作區開放共享實驗室
        date: 2024-05-20
        image: https://img.example.com/lab.jpg
        image_alt: 實驗室內景
        ---

        2024年5月18日，河套深港科技創新合作區深圳園區開放首個共享實驗室。
        """;

    private const string Plain = "2024年6月11日，河套深港科技創新合作區深圳園區舉行簽約儀式，引進一批香港科研團隊。\n";

    private const string WithoutImage = """
        ---
        title: 河套合作區發布人才政策
        date: 2024-04-02
        ---

        2024年4月1日，河套深港科技創新合作區發布人才政策。
        """;

    private static readonly byte[] Park = TestImages.Png(64, 48);

    private static SiteBuild Build(string config = Config, IReadOnlyList<ImageFile>? images = null, IArticleCache? cache = null, params (string Name, string Text)[] extra)
    {
        var articles = new List<SourceFile>
        {
            new("illustrated.md", Encoding.UTF8.GetBytes(Illustrated)),
            new("remote.md", Encoding.UTF8.GetBytes(Remote)),
            new("plain.txt", Encoding.UTF8.GetBytes(Plain)),
            new("without.md", Encoding.UTF8.GetBytes(WithoutImage)),
        };
        articles.AddRange(extra.Select(e => new SourceFile(e.Name, Encoding.UTF8.GetBytes(e.Text))));
        var source = new SiteSource(config, "site-config.yml", articles, RepoTemplates.All, []) { Images = images ?? [new ImageFile("images/park.png", Park)] };
        return SiteBuilder.Build(source, new BuildContext(new DateOnly(2024, 6, 30), null, cache));
    }

    private static readonly Lazy<SiteBuild> Site = new(() => Build());

    private static string Text(SiteBuild build, string path) =>
        build.Files.SingleOrDefault(f => f.Path == path) is { } file ? Encoding.UTF8.GetString(file.Content)
            : throw new Xunit.Sdk.XunitException($"expected {path} in the output; it has: {string.Join(", ", build.Files.Select(f => f.Path))}");

    private static string HashedName => ArticleImage.HashedPath("images/park.png", SourceFile.HashOf(Park));

    [Fact]
    public void A_local_image_is_copied_once_under_a_name_with_its_content_hash()
    {
        var build = Site.Value;
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        Assert.Matches(@"^images/park\.[0-9a-f]{8}\.png$", HashedName);
        var copies = build.Files.Where(f => f.Path.StartsWith("images/", StringComparison.Ordinal)).ToList();
        var copy = Assert.Single(copies);
        Assert.Equal(HashedName, copy.Path);
        Assert.Equal(Park, copy.Content);
    }

    [Fact]
    public void The_article_page_shows_a_figure_with_alt_size_caption_and_credit_and_sets_og_image()
    {
        var html = Text(Site.Value, "articles/illustrated/index.html");
        var document = HtmlCheck.Document(html);
        var img = document.QuerySelector("figure.article-image img")!;
        Assert.NotNull(img);
        Assert.Equal(("/hetao/" + HashedName, "園區大樓外景", "64", "48"),
            (img.GetAttribute("src"), img.GetAttribute("alt"), img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Null(img.GetAttribute("loading")); // the lead image is at the top of the page: not lazy
        Assert.Equal("河套深圳園區", document.QuerySelector("figure.article-image figcaption")!.TextContent.Trim());
        Assert.Equal("https://example.org/hetao/" + HashedName, document.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("summary_large_image", document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        var config = HtmlCheck.Document(Text(Site.Value, "articles/plain/index.html"));
        Assert.Equal("圖：測試攝影", config.QuerySelector("figure.article-image .credit")!.TextContent.Trim());
    }

    [Fact]
    public void A_remote_image_is_shown_by_its_url_without_a_referrer_and_the_csp_allows_https_images_only_then()
    {
        var html = Text(Site.Value, "articles/remote/index.html");
        var document = HtmlCheck.Document(html);
        var img = document.QuerySelector("figure.article-image img")!;
        Assert.Equal(("https://img.example.com/lab.jpg", "no-referrer", null), (img.GetAttribute("src"), img.GetAttribute("referrerpolicy"), img.GetAttribute("width")));
        Assert.Equal("https://img.example.com/lab.jpg", document.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Contains("img-src 'self' data: https:;", document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"), StringComparison.Ordinal);

        // Without a remote image, pages load images from the site alone.
        var withoutRemote = SiteBuilder.Build(new SiteSource(Config, "site-config.yml", [new SourceFile("illustrated.md", Encoding.UTF8.GetBytes(Illustrated))], RepoTemplates.All, [])
        {
            Images = [new ImageFile("images/park.png", Park)],
        }, new BuildContext(new DateOnly(2024, 6, 30), null));
        var csp = HtmlCheck.Document(Text(withoutRemote, "articles/illustrated/index.html")).QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        Assert.Contains("img-src 'self' data:;", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_without_image_has_no_figure_no_og_image_and_its_events_no_thumbnail()
    {
        var document = HtmlCheck.Document(Text(Site.Value, "articles/without/index.html"));
        Assert.Null(document.QuerySelector("figure.article-image"));
        Assert.Null(document.QuerySelector("meta[property='og:image']"));
        Assert.Equal("summary", document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        var home = HtmlCheck.Document(Text(Site.Value, "index.html"));
        var cards = home.QuerySelectorAll("li.event").ToList();
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            var sourceArticles = card.QuerySelectorAll(".source-line a").Select(a => a.GetAttribute("href")!).ToList();
            var illustrated = !sourceArticles.All(href => href.Contains("/articles/without/", StringComparison.Ordinal));
            Assert.True(illustrated == (card.QuerySelector(".event-thumb") is not null),
                $"card {card.Id} (sources {string.Join(", ", sourceArticles)}): expected a thumbnail exactly when a source article has an image");
        }
    }

    [Fact]
    public void A_card_thumbnail_is_lazy_with_width_and_height_and_alt()
    {
        var home = HtmlCheck.Document(Text(Site.Value, "index.html"));
        var thumbs = home.QuerySelectorAll(".event-thumb img").Where(i => i.GetAttribute("src") == "/hetao/" + HashedName).ToList();
        Assert.NotEmpty(thumbs);
        foreach (var img in thumbs)
        {
            Assert.Equal(("lazy", "async", "64", "48", "園區大樓外景"),
                (img.GetAttribute("loading"), img.GetAttribute("decoding"), img.GetAttribute("width"), img.GetAttribute("height"), img.GetAttribute("alt")));
        }
    }

    [Fact]
    public void Timelinejs_slides_carry_the_image_as_media_and_articles_json_records_it()
    {
        var slides = JsonNode.Parse(Text(Site.Value, "data/timelinejs.json"))!["events"]!.AsArray();
        var media = slides.Select(s => s!["media"]).OfType<JsonNode>().ToList();
        Assert.Contains(media, m => (string?)m["url"] == "https://example.org/hetao/" + HashedName && (string?)m["caption"] == "河套深圳園區");
        Assert.Contains(media, m => (string?)m["url"] == "https://img.example.com/lab.jpg");

        var articles = JsonNode.Parse(Text(Site.Value, "data/articles.json"))!["articles"]!.AsArray();
        var illustrated = articles.Single(a => (string?)a!["file"] == "illustrated.md")!["image"]!;
        Assert.Equal((HashedName, "images/park.png", "front matter", 64), ((string?)illustrated["src"], (string?)illustrated["source"], (string?)illustrated["from"], (int?)illustrated["width"]));
        Assert.Null(articles.Single(a => (string?)a!["file"] == "without.md")!["image"]);
    }

    [Fact]
    public void A_missing_local_image_is_a_warning_naming_the_article_and_it_is_built_without_image()
    {
        var build = Build(images: []);
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        var warning = Assert.Single(build.Diagnostics, d => d.Code == "HS0151" && d.File == "illustrated.md");
        Assert.Equal(4, warning.Line);
        Assert.Contains(build.Diagnostics, d => d.Code == "HS0151" && d.File == "plain.txt" && d.Line is null);
        Assert.DoesNotContain(build.Files, f => f.Path.StartsWith("images/", StringComparison.Ordinal));
        Assert.Null(HtmlCheck.Document(Text(build, "articles/illustrated/index.html")).QuerySelector("figure.article-image"));
    }

    [Fact]
    public void A_file_over_1_mb_gets_one_warning_naming_it_however_many_articles_use_it()
    {
        var big = new byte[(1024 * 1024) + 1];
        TestImages.Png(8, 6).CopyTo(big, 0);
        var build = Build(images: [new ImageFile("images/park.png", big)]);
        var warning = Assert.Single(build.Diagnostics, d => d.Code == "HS0153");
        Assert.Equal((Severity.Warning, "images/park.png"), (warning.Severity, warning.File));
    }

    [Fact]
    public void An_image_without_alt_is_a_warning_naming_the_article_and_a_corrupt_file_is_not_shown()
    {
        var build = Build(images: [new ImageFile("images/park.png", Park), new ImageFile("images/broken.jpg", "not a jpeg"u8.ToArray())],
            extra: [("noalt.md", "---\ntitle: 河套合作區新聞\ndate: 2024-03-02\nimage: images/park.png\n---\n\n2024年3月1日，河套深港科技創新合作區舉行論壇。\n"),
                ("broken.md", "---\ntitle: 河套合作區活動\ndate: 2024-03-05\nimage: images/broken.jpg\nimage_alt: 活動現場\n---\n\n2024年3月4日，河套深港科技創新合作區舉行活動。\n")]);
        Assert.Contains(build.Diagnostics, d => d is { Code: "HS0152", File: "noalt.md", Line: 4, Severity: Severity.Warning });
        Assert.Contains(build.Diagnostics, d => d is { Code: "HS0154", File: "broken.md", Severity: Severity.Warning });
        Assert.Null(build.Articles.Single(a => a.Article.FileName == "broken.md").Article.Image);
        Assert.DoesNotContain(build.Files, f => f.Path.Contains("broken", StringComparison.Ordinal) && f.Path.StartsWith("images/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cached_build_after_an_image_changes_equals_an_uncached_build()
    {
        var cache = new DictionaryCache();
        var first = Build(cache: cache);
        Assert.False(first.HasErrors, string.Join("\n", first.Diagnostics));
        var changed = TestImages.Png(30, 40, red: 200);
        var cached = Build(images: [new ImageFile("images/park.png", changed)], cache: cache);
        var fresh = Build(images: [new ImageFile("images/park.png", changed)]);
        Assert.True(cache.Hits > 0, "expected the second build to reuse cached articles");
        Assert.Equal(fresh.Files.Select(f => f.Path), cached.Files.Select(f => f.Path));
        foreach (var (a, b) in fresh.Files.Zip(cached.Files))
        {
            Assert.True(a.Content.AsSpan().SequenceEqual(b.Content), $"{a.Path} differs between the cached and the uncached build");
        }

        Assert.Contains(cached.Files, f => f.Path == ArticleImage.HashedPath("images/park.png", SourceFile.HashOf(changed)));
        Assert.Contains("width=\"30\" height=\"40\"", Text(cached, "articles/illustrated/index.html"), StringComparison.Ordinal);
    }

    private sealed class DictionaryCache : IArticleCache
    {
        private readonly ConcurrentDictionary<string, StageResult<ArticleExtraction?>> _entries = new(StringComparer.Ordinal);

        public int Hits { get; private set; }

        public bool TryGet(string key, out StageResult<ArticleExtraction?>? result)
        {
            var found = _entries.TryGetValue(key, out result);
            if (found)
            {
                Hits++;
            }

            return found;
        }

        public void Put(string key, StageResult<ArticleExtraction?> result) => _entries[key] = result;

        public int Save(int articleCount) => 0;
    }
}
