using System.Text;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

/// <summary>
/// A rebuild that keeps unchanged pages writes the same site as a clean build without any cache: the seed site is
/// built with the memo and the page store, one input is changed, and the rebuild is compared byte for byte with a clean
/// uncached build of the changed inputs.
/// </summary>
public sealed class PageReuseTests : IDisposable
{
    private const string ArticleFile = "seeds/001_48f27e469779bebf.txt";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-reuse-test-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string> Changes() =>
    [
        "nothing", "article text", "another article merging into its events", "article added", "article removed",
        "config string", "template", "i18n string", "base path",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_rebuild_after_a_change_equals_a_clean_uncached_build(string change)
    {
        var site = ReproducibleBuildTests.CopySite(Path.Combine(_root, "site"));
        var output = Path.Combine(_root, "_site");
        var first = Build(site, output, cached: true);
        Assert.Equal(0, first.Pages!.ReusedCount);

        var basePath = Change(site, change);
        var rebuild = Build(site, output, cached: true, basePath);
        var clean = Path.Combine(_root, "clean");
        Build(site, clean, cached: false, basePath);

        AssertSameFiles(clean, output);
        var pages = rebuild.Pages!;
        if (!change.Contains("article", StringComparison.Ordinal))
        {
            Assert.True(pages.RenderedCount + pages.ReusedCount == first.Pages.RenderedCount,
                $"expected each of the {first.Pages.RenderedCount} pages rendered or reused once, got {pages.RenderedCount} rendered and {pages.ReusedCount} reused");
        }

        if (change is "nothing" or "article text")
        {
            // Only the changed article's pages (one per script) and the pages that list it change; the rest are kept.
            Assert.True(pages.ReusedCount > 0, $"expected pages to be reused after '{change}', got {pages.RenderedCount} rendered, none reused");
        }

        if (change == "nothing")
        {
            Assert.Equal(0, pages.RenderedCount);
        }

        // The list pages rendered again take the timeline blocks and cards that did not change from the fragment store
        // (a block that changed renders again, taking the cards that did not); a change of the templates, the
        // configuration or the base path (the build key) leaves nothing to take.
        var fragments = rebuild.Fragments!;
        if (change is "article text" or "article added" or "article removed" or "another article merging into its events")
        {
            Assert.True(fragments.ReusedCount > 0 && 2 * fragments.RenderedCount < first.Fragments!.RenderedCount,
                $"expected fewer than half the blocks and cards of the first build rendered again after '{change}' (the rest taken from the fragment store), got {fragments.RenderedCount} rendered (the first build rendered {first.Fragments!.RenderedCount}) and {fragments.ReusedCount} reused");
        }

        if (change is "template" or "config string" or "base path")
        {
            Assert.True(fragments.ReusedCount == 0 && fragments.RenderedCount > 0,
                $"expected every card rendered again after '{change}', got {fragments.RenderedCount} rendered and {fragments.ReusedCount} reused");
        }
    }

    [Fact]
    public void A_damaged_fragment_store_renders_the_cards_again()
    {
        var site = ReproducibleBuildTests.CopySite(Path.Combine(_root, "site"));
        var output = Path.Combine(_root, "_site");
        Build(site, output, cached: true);
        var texts = Path.Combine(site, ".hetao-cache", DiskFragmentStore.Folder, "texts.bin");
        var bytes = File.ReadAllBytes(texts);
        for (var i = 0; i < bytes.Length; i += 97)
        {
            bytes[i] ^= 0x01;
        }

        File.WriteAllBytes(texts, bytes);
        Change(site, "article added");

        var rebuild = Build(site, output, cached: true).Fragments!;

        Assert.True(rebuild.ReusedCount == 0 && rebuild.RenderedCount > 0,
            $"expected every card rendered again, got {rebuild.RenderedCount} rendered and {rebuild.ReusedCount} reused");
        var clean = Path.Combine(_root, "clean");
        Build(site, clean, cached: false);
        AssertSameFiles(clean, output);
    }

    [Fact]
    public void A_page_that_reads_the_clock_is_never_reused()
    {
        var site = ReproducibleBuildTests.CopySite(Path.Combine(_root, "site"));
        var about = Path.Combine(site, "templates", "layouts", "about.scriban-html");
        File.AppendAllText(about, "<p hidden>{{ date.now }}</p>\n");
        var output = Path.Combine(_root, "_site");
        Build(site, output, cached: true);

        var rebuild = Build(site, output, cached: true).Pages!;

        // The about page in each script reads date.now: those two are rendered again, every other page is kept.
        Assert.True(rebuild.RenderedCount == 2 && rebuild.ReusedCount > 0,
            $"expected the 2 about pages rendered and the rest reused, got {rebuild.RenderedCount} rendered and {rebuild.ReusedCount} reused");
    }

    [Fact]
    public void A_damaged_page_store_renders_every_page()
    {
        var site = ReproducibleBuildTests.CopySite(Path.Combine(_root, "site"));
        var output = Path.Combine(_root, "_site");
        var first = Build(site, output, cached: true).Pages!;
        var store = Path.Combine(site, ".hetao-cache", DiskPageStore.Folder, "pages.bin");
        var bytes = File.ReadAllBytes(store);
        bytes[^1] ^= 0x5a;
        File.WriteAllBytes(store, bytes);

        var rebuild = Build(site, output, cached: true).Pages!;

        Assert.True(rebuild.ReusedCount == 0 && rebuild.RenderedCount == first.RenderedCount,
            $"expected all {first.RenderedCount} pages rendered, got {rebuild.RenderedCount} rendered and {rebuild.ReusedCount} reused");
        var clean = Path.Combine(_root, "clean");
        Build(site, clean, cached: false);
        AssertSameFiles(clean, output);
    }

    [Fact]
    public void A_page_whose_file_was_changed_or_deleted_since_is_rendered_again()
    {
        var site = ReproducibleBuildTests.CopySite(Path.Combine(_root, "site"));
        var output = Path.Combine(_root, "_site");
        Build(site, output, cached: true);
        var home = Path.Combine(output, "index.html");
        var bytes = File.ReadAllBytes(home);
        bytes[^2] = (byte)(bytes[^2] == (byte)' ' ? '\t' : ' ');
        File.WriteAllBytes(home, bytes);
        File.Delete(Path.Combine(output, "about", "index.html"));

        var rebuild = Build(site, output, cached: true).Pages!;

        Assert.Equal(2, rebuild.RenderedCount);
        var clean = Path.Combine(_root, "clean");
        Build(site, clean, cached: false);
        AssertSameFiles(clean, output);
    }

    [Fact]
    public void A_page_whose_file_was_rewritten_with_the_same_size_after_its_write_time_was_recorded_is_rendered_again()
    {
        var site = ReproducibleBuildTests.CopySite(Path.Combine(_root, "site"));
        var output = Path.Combine(_root, "_site");
        Build(site, output, cached: true);
        // As if the site had been built an hour ago: the next build reads each file once and records its write time.
        var anHourAgo = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, anHourAgo);
        }

        var second = Build(site, output, cached: true).Pages!;
        Assert.Equal(0, second.RenderedCount);
        var home = Path.Combine(output, "index.html");
        var bytes = File.ReadAllBytes(home);
        bytes[^2] = (byte)(bytes[^2] == (byte)' ' ? '\t' : ' ');
        File.WriteAllBytes(home, bytes);

        var rebuild = Build(site, output, cached: true).Pages!;

        Assert.True(rebuild.RenderedCount == 1 && rebuild.ReusedCount == second.ReusedCount - 1,
            $"expected only the changed home page rendered, got {rebuild.RenderedCount} rendered and {rebuild.ReusedCount} reused of {second.ReusedCount}");
        var clean = Path.Combine(_root, "clean");
        Build(site, clean, cached: false);
        AssertSameFiles(clean, output);
    }

    [Fact]
    public void A_page_records_what_it_read_from_the_globals_and_through_cached_partials()
    {
        var site = ReproducibleBuildTests.CopySite(Path.Combine(_root, "site"));
        var output = Path.Combine(_root, "_site");
        Build(site, output, cached: true);

        var store = new DiskPageStore(Path.Combine(site, ".hetao-cache"), output);
        var about = store.Find("about/index.html") ?? throw new InvalidOperationException("expected a record of about/index.html");
        var read = about.Reads.ToHashSet();
        Assert.True(read.Contains(Members("site", "build_date")) && read.Contains(Members("site", "title")) && read.Contains(Members("t", "nav_home")) && read.Contains("url"),
            $"expected the about page to have read site.build_date, site.title, t.nav_home and url; it read {string.Join(", ", read)}");
        Assert.False(read.Contains("site") || read.Contains("t") || read.Contains(Members("site", "event_count")),
            $"expected the about page to have read members of site and t, not them whole nor site.event_count; it read {string.Join(", ", read)}");
        Assert.Contains(Members("site", "event_count"), store.Find("index.html")?.Reads ?? []);

        // Event cards are cached partials, rendered once per build for all the pages that list them; only the card
        // reads t.sources, so every list page must have it in its trace, whether it rendered the cards or took them.
        var lists = Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(p => p == "index.html" || p.StartsWith("years/", StringComparison.Ordinal) || p.StartsWith("categories/", StringComparison.Ordinal))
            .ToList();
        Assert.True(lists.Count > 3, $"expected the home, year and category pages, found {lists.Count}");
        Assert.All(lists, p => Assert.True(store.Find(p)?.Reads.Contains(Members("t", "sources")) == true,
            $"expected {p} to have read t.sources through its event cards"));

        // A category page links to every category but shows no counts: it reads the links, not the categories with
        // their counts, so an event added to another category does not render it again.
        var categoryPages = lists.Where(p => p.StartsWith("categories/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(categoryPages);
        Assert.All(categoryPages, p =>
        {
            var reads = store.Find(p)?.Reads ?? [];
            Assert.True(reads.Contains("category_links") && !reads.Contains("categories"),
                $"expected {p} to have read category_links and not categories; it read {string.Join(", ", reads)}");
        });
    }

    [Fact]
    public void Every_template_function_among_the_globals_has_been_checked_to_read_only_its_arguments_the_config_and_the_globals()
    {
        // A function is hashed by its type: what it returns must follow from its arguments, the configuration (in the
        // build's key) and the globals (traced). A function added to the globals must be checked for that, and added here.
        Type[] checkedFunctions =
        [
            typeof(UrlFunction), typeof(IncludeFunction), typeof(CachedIncludeFunction), typeof(WbrFunction), typeof(ArticleTextFunction),
        ];
        var content = SampleSite.Content(RealOpenCc.Converter);
        var facts = new SiteFacts(content);
        var rendition = Rendition.For(content.Config.Site.DefaultScript, content.Context.Converter)[0];
        var strings = TemplateSet.Load(Rendering.RepoTemplates.All).Value.Strings(rendition.Lang)!;
        var globals = new SiteModel(facts, rendition, strings).Globals;

        var functions = globals.Where(kv => kv.Value is Scriban.Runtime.IScriptCustomFunction or Delegate).Select(kv => (kv.Key, Type: kv.Value!.GetType())).ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, f => Assert.True(checkedFunctions.Contains(f.Type),
            $"expected the global function '{f.Key}' ({f.Type.Name}) to be one checked to read only its arguments, the configuration and the globals"));
    }

    private static string Members(params string[] members) => string.Join(PageTrace.Separator, members);

    /// <summary>Changes one input of the site at <paramref name="site"/>; returns the --base-path of the rebuild.</summary>
    private static string? Change(string site, string change)
    {
        string Read(string path) => File.ReadAllText(Path.Combine(site, path));
        void Write(string path, string text) => File.WriteAllText(Path.Combine(site, path), text, new UTF8Encoding(false));
        void Replace(string path, string from, string to)
        {
            var text = Read(path);
            Assert.Contains(from, text);
            Write(path, text.Replace(from, to, StringComparison.Ordinal));
        }

        switch (change)
        {
            case "nothing":
                break;
            case "article text":
                Replace(ArticleFile, "已吸引51家香港企業", "已吸引52家香港企業");
                break;
            case "another article merging into its events":
                // The same report published again three days later: its dated statements merge into the first one's events.
                Write("seeds/005_reprint.txt", Read(ArticleFile).Replace("2024年08月09日09:31", "2024年08月12日10:05", StringComparison.Ordinal));
                break;
            case "article added":
                Write("seeds/005_new.txt", "深港河套再添新平台\n\n2024年08月20日 | 來源:測試報\n\n2024年8月19日，河套深圳園區啟用一座新的聯合實驗室大樓。\n");
                break;
            case "article removed":
                File.Delete(Path.Combine(site, "seeds/003_564ef79a45113a5f.txt"));
                break;
            case "config string":
                Replace("site-config.yml", "河套深港科技創新合作區大事記", "河套合作區大事記");
                break;
            case "template":
                Replace("templates/partials/_event.scriban-html", "<p class=\"event-date\">", "<p class=\"event-date when\">");
                break;
            case "i18n string":
                Replace("templates/i18n/zh-Hant.json", "\"nav_home\": \"時間軸\"", "\"nav_home\": \"大事時間軸\"");
                break;
            case "base path":
                return "/elsewhere/";
            default:
                throw new ArgumentException($"unknown change '{change}'", nameof(change));
        }

        return null;
    }

    private static (SiteBuild Build, DiskPageStore? Pages, DiskFragmentStore? Fragments) Build(string site, string output, bool cached, string? basePath = null)
    {
        var inputs = new SiteInputs(Path.Combine(site, "site-config.yml"), Path.Combine(site, "seeds"), Path.Combine(site, "templates"));
        var cacheRoot = Path.Combine(site, ".hetao-cache");
        var pages = cached ? new DiskPageStore(cacheRoot, output) : null;
        var fragments = cached ? new DiskFragmentStore(cacheRoot) : null;
        var context = new BuildContext(null, RealOpenCc.Converter, cached ? new DiskArticleCache(cacheRoot) : null, basePath, KeepGoing: true,
            Pages: pages, Fragments: fragments);
        var build = SiteBuilder.Build(inputs, context, output);
        Assert.True(build.Written is not null, "expected the site to build and be written:\n" + string.Join("\n", build.Diagnostics));
        return (build, pages, fragments);
    }

    private static void AssertSameFiles(string expectedRoot, string actualRoot)
    {
        var expected = ReproducibleBuildTests.Files(expectedRoot);
        var actual = ReproducibleBuildTests.Files(actualRoot);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"expected {path} of the rebuild to equal the clean build's");
        }
    }
}
