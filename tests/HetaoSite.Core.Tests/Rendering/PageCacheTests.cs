using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;
using Scriban;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class PageCacheTests
{
    /// <summary>Pages in memory, counting what was reused and what had to be rendered.</summary>
    private sealed class MemoryPageCache : IPageCache
    {
        public ConcurrentDictionary<string, byte[]> Pages { get; } = new(StringComparer.Ordinal);

        public int Hits;

        public int Misses;

        public bool TryFind(string fingerprint, [NotNullWhen(true)] out StoredPage? page)
        {
            var found = Pages.TryGetValue(fingerprint, out var content);
            Interlocked.Increment(ref found ? ref Hits : ref Misses);
            page = found ? new StoredPage(() => Vanishing ? null : content) : null;
            return found;
        }

        public StoredPage? Put(string fingerprint, byte[] content)
        {
            Pages[fingerprint] = content;
            return new StoredPage(() =>
            {
                Reads.AddOrUpdate(fingerprint, 1, (_, n) => n + 1);
                return Vanishing ? null : content;
            });
        }

        /// <summary>How often each page stored by <see cref="Put"/> was read back.</summary>
        public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

        /// <summary>When true, every entry vanishes between being found and being read (another build pruned it).</summary>
        public bool Vanishing { get; set; }
    }

    private static Dictionary<string, byte[]> Render(SiteContent content, IPageCache? cache, IReadOnlyList<HetaoSite.Core.Loading.TemplateFile>? templates = null)
    {
        var result = SiteRenderer.Render(content with { Context = content.Context with { PageCache = cache } }, templates ?? RepoTemplates.All);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return result.Value.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
    }

    private static void AssertSameSite(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        var differing = expected.Keys.Where(k => !expected[k].AsSpan().SequenceEqual(actual[k])).ToList();
        Assert.True(differing.Count == 0, "expected the cached build to equal an uncached one; these differ: " + string.Join(", ", differing));
    }

    private static SiteContent Sample(IReadOnlyList<TimelineEvent>? events = null) =>
        SampleSite.Content(new FakeScriptConverter(), events: events);

    [Fact]
    public void A_second_render_reuses_every_page_and_equals_an_uncached_render()
    {
        var cache = new MemoryPageCache();
        Render(Sample(), cache);
        var (rendered, stored) = (cache.Misses, cache.Pages.Count);
        cache.Hits = cache.Misses = 0;

        var second = Render(Sample(), cache);

        Assert.True(rendered > 40 && stored == rendered, $"expected every page stored once, rendered {rendered}, stored {stored}");
        Assert.Equal((rendered, 0), (cache.Hits, cache.Misses));
        AssertSameSite(Render(Sample(), null), second);
    }

    [Fact]
    public void A_cached_page_whose_entry_vanished_before_it_was_read_is_rendered_again()
    {
        var cache = new MemoryPageCache();
        Render(Sample(), cache);
        cache.Vanishing = true;

        var second = Render(Sample(), cache);

        AssertSameSite(Render(Sample(), null), second);
    }

    [Fact]
    public void A_page_just_rendered_is_read_back_from_the_cache_or_rendered_again_when_its_entry_vanished()
    {
        var cache = new MemoryPageCache { Vanishing = true };

        var sample = Sample();
        var first = SiteRenderer.Render(sample with { Context = sample.Context with { PageCache = cache } }, RepoTemplates.All).Value;

        Assert.All(first.Where(f => f.Fingerprint is not null), f => Assert.False(cache.Reads.ContainsKey(f.Fingerprint!),
            $"expected {f.Path} not to be read from the cache before its bytes are asked for"));
        AssertSameSite(Render(Sample(), null), first.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal));
        Assert.False(cache.Reads.IsEmpty, "expected the pages' bytes to be read back from the cache, not kept from rendering");
    }

    [Fact]
    public void Changing_one_event_renders_again_only_the_pages_that_show_it()
    {
        var cache = new MemoryPageCache();
        var before = Render(Sample(), cache);
        var events = SampleSite.Events().Select(e => e.Id == "2022-quantum" ? e with { Title = "量子科學中心正式成立" } : e).ToList();
        cache.Hits = cache.Misses = 0;

        var after = Render(Sample(events), cache);

        AssertSameSite(Render(Sample(events), null), after);
        var changed = after.Keys.Where(k => !before[k].AsSpan().SequenceEqual(after[k])).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("years/2022/index.html", changed);
        Assert.Contains("zh-hans/articles/2024-plan/index.html", changed);
        Assert.DoesNotContain("articles/2017-hetao-mou/index.html", changed);
        Assert.True(cache.Misses <= changed.Count(p => !p.StartsWith("data/", StringComparison.Ordinal)),
            $"expected at most the {changed.Count} changed files rendered again, {cache.Misses} were: {string.Join(", ", changed)}");
        Assert.True(cache.Hits > 30, $"expected the unchanged pages reused, {cache.Hits} were");
    }

    [Fact]
    public void Changing_a_template_renders_every_page_that_uses_it_again()
    {
        var cache = new MemoryPageCache();
        Render(Sample(), cache);
        cache.Hits = cache.Misses = 0;
        var base_ = RepoTemplates.All.Single(f => f.Path == "layouts/base.scriban-html").Text;
        var templates = RepoTemplates.With("layouts/base.scriban-html", base_.Replace("<body class=", "<body data-x=\"1\" class=", StringComparison.Ordinal));

        var after = Render(Sample(), cache, templates);

        Assert.Contains("data-x=\"1\"", System.Text.Encoding.UTF8.GetString(after["articles/2017-hetao-mou/index.html"]), StringComparison.Ordinal);
        // Only the files without the base layout are reused: two feeds in each script, robots.txt and the sitemaps (the
        // index, pages.xml and one per year of publication: 2017, 2021, 2024).
        Assert.Equal(10, cache.Hits);
    }

    [Fact]
    public void A_site_without_articles_or_events_renders_with_a_page_cache()
    {
        var empty = SampleSite.Content(new FakeScriptConverter(), events: [], articles: []);

        var files = Render(empty, new MemoryPageCache());

        Assert.Contains("index.html", files.Keys);
        Assert.Contains("sitemaps/pages.xml", files.Keys);
    }

    /// <summary>The sample site as the article cache delivers it: each article with its content key.</summary>
    private static SiteContent Keyed(IReadOnlyList<TimelineEvent>? events = null, string description = "描述") =>
        SampleSite.Content(new FakeScriptConverter(), events: events,
            articles: [.. SampleSite.Articles().Select(a => a with { ContentKey = "key-" + a.Article.Id })],
            settings: HetaoSite.Core.Configuration.SiteSettings.Default with { BaseUrl = "https://example.org/hetao/", BuildDate = SampleSite.BuildDate, Description = description });

    [Fact]
    public void Article_pages_fingerprinted_by_content_key_render_the_same_and_follow_their_events()
    {
        var cache = new MemoryPageCache();
        Render(Keyed(), cache);
        cache.Hits = cache.Misses = 0;
        AssertSameSite(Render(Keyed(), null), Render(Keyed(), cache));
        Assert.Equal(0, cache.Misses);

        var events = SampleSite.Events().Select(e => e.Id == "2022-quantum" ? e with { Title = "量子科學中心正式成立" } : e).ToList();
        var after = Render(Keyed(events), cache);

        AssertSameSite(Render(Keyed(events), null), after);
        Assert.Contains("量子科學中心正式成立", System.Text.Encoding.UTF8.GetString(after["articles/2024-plan/index.html"]), StringComparison.Ordinal);
    }

    /// <summary>
    /// One change to an input of the shared event and summary objects each: page fingerprints hash the records these
    /// objects are made from (<see cref="RecordHashes"/>), so each must reach every page that shows it.
    /// </summary>
    public static TheoryData<string> RecordChanges => new(
        "event title", "event date", "event end", "event category", "event planned", "event approximate",
        "source sentence", "source expression", "source anchor", "source file", "event moved to another year",
        "article title", "article outlet", "article url", "article published", "article file", "article script");

    private static (IReadOnlyList<ArticleExtraction> Articles, IReadOnlyList<TimelineEvent> Events) Changed(string change)
    {
        var articles = SampleSite.Articles().Select(a => a with { ContentKey = "key-" + a.Article.Id }).ToList();
        var events = SampleSite.Events().ToList();
        TimelineEvent Event(TimelineEvent e) => change switch
        {
            "event title" => e with { Title = "量子科學中心正式成立" },
            "event date" => e with { Date = new PartialDate(2022, 3) },
            "event end" => e with { End = new PartialDate(2023) },
            "event category" => e with { Category = "policy" },
            "event planned" => e with { Planned = true },
            "event approximate" => e with { Approximate = true },
            "event manual" => e with { Manual = true },
            "source sentence" => e with { Sources = [e.Sources[0] with { Sentence = "2022年，量子科學中心成立。" }] },
            "source expression" => e with { Sources = [e.Sources[0] with { Expression = "二〇二二年" }] },
            "source anchor" => e with { Sources = [e.Sources[0] with { Anchor = "s1-0" }] },
            "source file" => e with { Sources = [e.Sources[0] with { File = "003_renamed.html" }] },
            "event moved to another year" => e with { Date = new PartialDate(2021, 12) },
            _ => e,
        };
        HetaoSite.Core.Model.Article Article(HetaoSite.Core.Model.Article a) => change switch
        {
            "article title" => a with { Title = "河套規劃一周年" },
            "article outlet" => a with { Outlet = "文匯報" },
            "article url" => a with { Url = "https://www.wenweipo.com/a/1.html" },
            "article published" => a with { Published = new PartialDate(2024, 9, 1) },
            "article file" => a with { FileName = "003_plan_v2.html" },
            "article script" => a with { Script = Script.Hans },
            _ => a,
        };

        return (
            [.. articles.Select(a => a.Article.Id == "2024-plan" ? a with { Article = Article(a.Article) } : a)],
            [.. events.Select(e => e.Id == "2022-quantum" ? Event(e) : e).OrderBy(e => e.Date)]);
    }

    [Theory]
    [MemberData(nameof(RecordChanges))]
    public void A_changed_event_or_article_record_reaches_every_page_that_shows_it(string change)
    {
        var before = SampleSite.Articles().Select(a => a with { ContentKey = "key-" + a.Article.Id }).ToList();
        var cache = new MemoryPageCache();
        var first = Render(SampleSite.Content(new FakeScriptConverter(), articles: before), cache);
        var (articles, events) = Changed(change);

        var cached = Render(SampleSite.Content(new FakeScriptConverter(), articles: articles, events: events), cache);

        var uncached = Render(SampleSite.Content(new FakeScriptConverter(), articles: articles, events: events), null);
        Assert.True(first.Keys.Any(k => !uncached.TryGetValue(k, out var now) || !first[k].AsSpan().SequenceEqual(now)),
            $"expected the change '{change}' to show on some page");
        AssertSameSite(uncached, cached);
    }

    [Fact]
    public void A_template_reading_the_globals_of_every_event_and_article_gets_them_and_follows_their_changes()
    {
        var templates = RepoTemplates.With("layouts/404.scriban-html",
            "{{ events.size }} {{ for e in events }}{{ e.title }};{{ end }} {{ timeline.size }} {{ for a in articles }}{{ a.title }};{{ end }}");
        var cache = new MemoryPageCache();
        var before = Render(Sample(), cache, templates);
        var events = SampleSite.Events().Select(e => e.Id == "2022-quantum" ? e with { Title = "量子科學中心正式成立" } : e).ToList();

        var after = Render(Sample(events), cache, templates);

        var page = System.Text.Encoding.UTF8.GetString(after["404.html"]);
        Assert.True(page.Contains("15 ", StringComparison.Ordinal) && page.Contains("量子科學中心正式成立;", StringComparison.Ordinal)
            && page.Contains("港深簽署河套地區共同發展合作備忘錄;", StringComparison.Ordinal),
            $"expected the 404 page to list the 15 events (one retitled) and the articles, got: {page}");
        Assert.NotEqual(before["404.html"], after["404.html"]);
    }

    [Fact]
    public void Article_pages_fingerprinted_by_content_key_follow_the_site_settings()
    {
        var cache = new MemoryPageCache();
        Render(Keyed(), cache);

        var after = Render(Keyed(description: "另一個描述"), cache);

        AssertSameSite(Render(Keyed(description: "另一個描述"), null), after);
    }

    [Fact]
    public void Template_reads_name_the_globals_members_and_includes_a_template_uses()
    {
        var reads = TemplateReads.Of(Template.Parse("{{ site.title }}{{ site.lang }}{{ for e in page.events }}{{ include 'partials/_x.scriban-html' }}{{ end }}{{ x = years }}{{ x | array.size }}"));

        Assert.Equal(["site.lang", "site.title"], reads.Globals["site"]!.Select(m => "site." + m).Order(StringComparer.Ordinal));
        Assert.Null(reads.Globals["years"]);
        Assert.Contains("partials/_x.scriban-html", reads.Includes);
        Assert.False(reads.ReadsEverything);
    }

    [Fact]
    public void A_loop_over_a_global_reads_the_members_its_variable_is_used_with()
    {
        var reads = TemplateReads.Of(Template.Parse("{{ for y in years }}<a href=\"{{ url y.path }}\">{{ y.year }}</a>{{ end }}"));

        Assert.Equal(["[]", "[].path", "[].year"], reads.Globals["years"]!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_loop_reads_how_many_items_it_runs_over_even_when_its_variable_is_unused()
    {
        var reads = TemplateReads.Of(Template.Parse("{{ for y in years }}·{{ end }}"));

        Assert.Equal(["[]"], reads.Globals["years"]!);
    }

    [Fact]
    public void A_partial_included_in_a_loop_reads_members_of_the_global_through_the_loop_variable()
    {
        var reads = Closure(("page", "{{ for e in events }}{{ include 'card' }}{{ end }}"), ("card", "<h3>{{ e.title }}</h3>"));

        Assert.Equal(["[]", "[].title"], reads.Globals["events"]!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_variable_set_to_a_global_for_a_partial_reads_only_what_the_partial_reads_through_it()
    {
        var reads = Closure(("page", "{{ bar = years; include 'bar' }}"), ("bar", "{{ for y in bar }}<a href=\"{{ y.path }}\">{{ y.year }}</a>{{ end }}"));

        Assert.Equal(["[]", "[].path", "[].year"], reads.Globals["years"]!.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{{ bar = years; include 'bar' }}", "{{ bar | array.size }}")]
    [InlineData("{{ for y in years }}{{ include 'bar' }}{{ end }}", "{{ y | object.keys }}")]
    [InlineData("{{ a = years; b = a; include 'bar' }}", "{{ b }}")]
    public void A_variable_standing_for_a_global_read_whole_reads_the_whole_global(string page, string partial)
    {
        Assert.Null(Closure(("page", page), ("bar", partial)).Globals["years"]);
    }

    [Fact]
    public void Loops_over_each_other_s_variables_end_reading_the_whole_globals()
    {
        var reads = TemplateReads.Of(Template.Parse("{{ for a in b }}{{ for b in a }}{{ b.x }}{{ end }}{{ end }}"));

        Assert.Null(reads.Globals["b"]);
    }

    private static TemplateReads Closure(params (string Path, string Text)[] templates) =>
        TemplateReads.Closure([templates[0].Path], templates.ToDictionary(t => t.Path, t => TemplateReads.Of(Template.Parse(t.Text)), StringComparer.Ordinal));

    [Fact]
    public void A_loop_variable_used_whole_reads_the_whole_global()
    {
        var reads = TemplateReads.Of(Template.Parse("{{ for y in years }}{{ y.year }}{{ x = y }}{{ x }}{{ end }}"));

        Assert.Null(reads.Globals["years"]);
    }

    [Fact]
    public void A_count_shown_only_on_the_home_page_does_not_render_other_pages_again()
    {
        var cache = new MemoryPageCache();
        Render(Sample(), cache);
        var events = SampleSite.Events().Append(SampleSite.Events().Single(e => e.Id == "2022-quantum") with { Id = "2022-second", Title = "另一件事" }).ToList();
        cache.Hits = cache.Misses = 0;

        var after = Render(Sample([.. events.OrderBy(e => e.Date)]), cache);

        AssertSameSite(Render(Sample([.. events.OrderBy(e => e.Date)]), null), after);
        Assert.True(cache.Hits >= 20, $"expected the pages of other years and categories and unrelated articles reused, only {cache.Hits} were ({cache.Misses} rendered)");
    }

    [Fact]
    public void An_event_added_to_one_year_leaves_the_fingerprints_of_the_other_years_pages_alone()
    {
        var events = SampleSite.Events().Append(SampleSite.Events().Single(e => e.Id == "2022-quantum") with { Id = "2022-second", Title = "另一件事" })
            .OrderBy(e => e.Date).ToList();

        var before = RenderedSite.Fingerprints(Sample());
        var after = RenderedSite.Fingerprints(Sample(events));

        var yearPages = before.Keys.Where(p => p.Contains("years/", StringComparison.Ordinal) && !p.Contains("2022", StringComparison.Ordinal)).ToList();
        Assert.True(yearPages.Count >= 4, $"expected year pages in the sample site, got {string.Join(", ", before.Keys)}");
        var changed = yearPages.Where(p => before[p] != after.GetValueOrDefault(p)).ToList();
        Assert.True(changed.Count == 0, "expected only the 2022 year pages to change fingerprint (the year bar shows years, not counts); these changed too: " + string.Join(", ", changed));
    }

    [Theory]
    [InlineData("{{ this }}")]
    [InlineData("{{ include page.partial }}")]
    public void Template_reads_that_cannot_be_known_read_everything(string text)
    {
        Assert.True(TemplateReads.Of(Template.Parse(text)).ReadsEverything, $"expected {text} to read everything");
    }

    [Fact]
    public void A_template_that_reads_a_whole_global_depends_on_all_of_it()
    {
        var reads = TemplateReads.Of(Template.Parse("{{ site.title }}{{ s = site }}{{ s | object.keys }}"));

        Assert.Null(reads.Globals["site"]);
    }
}
