using System.Collections.Concurrent;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Tests.Writing;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests;

/// <summary>Conversions made in the per-article stage and kept by the article cache change no byte of the site.</summary>
public sealed class ArticleScriptsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hetao-scripts-test-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The fake converter, recording every text it is asked to convert.</summary>
    private sealed class RecordingConverter(string identity = "fake") : IScriptConverter
    {
        private readonly FakeScriptConverter _inner = new();

        public ConcurrentBag<string> Texts { get; } = [];

        /// <summary>The script of each conversion asked for.</summary>
        public ConcurrentBag<Script> Directions { get; } = [];

        public string Identity => identity;

        public string ToSimplified(string text)
        {
            Texts.Add(text);
            Directions.Add(Script.Hans);
            return _inner.ToSimplified(text);
        }

        public string ToTraditional(string text)
        {
            Texts.Add(text);
            Directions.Add(Script.Hant);
            return _inner.ToTraditional(text);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Every_displayed_text_is_stored_as_the_converter_converts_it_into_the_other_script_only()
    {
        var articles = SeedArticles();
        Assert.Contains(articles, a => a.Article.Script == Script.Hant);
        Assert.Contains(articles, a => a.Article.Script == Script.Hans);
        foreach (var extraction in articles)
        {
            var converter = new RecordingConverter();
            var converted = ArticleScripts.Convert(extraction, converter);
            var texts = DisplayedTexts.Of(extraction);
            var scripts = converted.ScriptTexts!;
            Assert.Equal(texts.Count, scripts.Converted.Count);
            var into = extraction.Article.Script == Script.Hant ? Script.Hans : Script.Hant;
            for (var i = 0; i < texts.Count; i++)
            {
                var expected = into == Script.Hans ? converter.ToSimplified(texts[i]) : converter.ToTraditional(texts[i]);
                Assert.True(expected == (scripts.Converted[i] ?? texts[i]), $"expected the stored {into} of '{texts[i]}' to be the converter's");
            }

            Assert.True(converter.Directions.Distinct().Count() == 1 && converter.Directions.Distinct().Single() == into,
                $"expected {extraction.Article.FileName} ({extraction.Article.Script}) converted into {into} only, got {string.Join(", ", converter.Directions.Distinct())}");
        }
    }

    [Fact]
    public void A_page_finds_each_of_its_texts_as_stored_and_none_stored_by_another_converter()
    {
        var extraction = SeedArticles().First(e => e.Article.Script == Script.Hant);
        var converter = new RecordingConverter("fake-a");
        var converted = ArticleScripts.Convert(extraction, converter);

        var page = ArticleScripts.PageConversions(converted, converter);

        Assert.NotNull(page);
        Assert.All(DisplayedTexts.Of(extraction), text => Assert.True(page.TryGetValue(text, out var found) && found == converter.ToSimplified(text),
            $"expected the page's conversions to hold '{text}' as the converter makes it"));
        Assert.Null(ArticleScripts.PageConversions(converted, new RecordingConverter("fake-b")));
        Assert.Null(ArticleScripts.PageConversions(extraction with { ScriptTexts = null }, converter));
    }

    [Fact]
    public void Displayed_texts_include_titles_segments_sentences_and_statement_titles()
    {
        var extraction = SeedArticles().First(e => e.Statements.Count > 0);
        var texts = DisplayedTexts.Of(extraction).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(extraction.Article.Title, texts);
        Assert.All(extraction.Sentences.Where(s => s.Text.Length > 0), s => Assert.Contains(s.Text, texts));
        Assert.All(extraction.Statements, s => Assert.True(texts.Contains(s.Title) && texts.Contains(s.Expression.Text),
            $"expected the title '{s.Title}' and expression '{s.Expression.Text}' among the displayed texts"));
        Assert.DoesNotContain(string.Empty, texts);
    }

    [Fact]
    public void Displayed_texts_follow_the_text_whatever_order_the_sentences_come_in()
    {
        // The stored conversions are matched to the texts by position, so the order must come from the article's text.
        foreach (var extraction in SeedArticles().Where(e => e.Sentences.Count > 1))
        {
            var expected = DisplayedTexts.Of(extraction);
            var reversed = DisplayedTexts.Of(extraction with { Sentences = [.. extraction.Sentences.Reverse()] });
            Assert.True(expected.SequenceEqual(reversed),
                $"expected the displayed texts of {extraction.Article.FileName} in the same order with its sentences reversed, got {reversed.Count} texts against {expected.Count}");
        }
    }

    [Fact]
    public void Displayed_texts_include_the_dropped_dates_and_their_sentences()
    {
        var extraction = SeedArticles().First(e => e.Dropped.Any(d => d.Sentence is not null));
        var texts = DisplayedTexts.Of(extraction).ToHashSet(StringComparer.Ordinal);

        Assert.All(extraction.Dropped, d => Assert.True(texts.Contains(d.Expression) && (d.Sentence is null || texts.Contains(d.Sentence)),
            $"expected the dropped date '{d.Expression}' and its sentence '{d.Sentence}' among the displayed texts"));
    }

    [Fact]
    public void A_cached_rebuild_converts_no_article_text_and_builds_the_same_bytes()
    {
        var uncached = Build(new RecordingConverter(), cache: null);
        var cold = Build(new RecordingConverter(), new DiskArticleCache(_root));
        var warmConverter = new RecordingConverter();
        var warmCache = new DiskArticleCache(_root);
        var warm = Build(warmConverter, warmCache);

        AssertSameFiles(uncached, cold);
        AssertSameFiles(uncached, warm);
        Assert.Equal(warm.Articles.Count, warmCache.Hits);
        var articleTexts = warm.Articles.SelectMany(DisplayedTexts.Of).ToHashSet(StringComparer.Ordinal);
        var converted = warmConverter.Texts.Where(articleTexts.Contains).Distinct().ToList();
        Assert.True(converted.Count == 0, $"expected the warm build to convert no article text, it converted: {string.Join(" | ", converted.Take(5))}");
    }

    [Fact]
    public void Damaged_entries_are_processed_again_and_rewritten_with_the_same_result()
    {
        var uncached = Build(new RecordingConverter(), cache: null);
        var cold = new DiskArticleCache(_root);
        Build(new RecordingConverter(), cold);
        var entries = cold.Writes;
        foreach (var path in Directory.GetFiles(Path.Combine(_root, "articles"), "*.pack"))
        {
            var bytes = File.ReadAllBytes(path);
            bytes[^1] ^= 1;
            File.WriteAllBytes(path, bytes);
        }

        var cache = new DiskArticleCache(_root);
        var warm = Build(new RecordingConverter(), cache);
        var again = new DiskArticleCache(_root);
        Build(new RecordingConverter(), again);

        Assert.Equal((0, entries, entries), (cache.Hits, cache.Misses, cache.Writes));
        Assert.Equal(entries, again.Hits);
        Assert.DoesNotContain(warm.Diagnostics, d => d.Severity == Severity.Error);
        AssertSameFiles(uncached, warm);
    }

    [Fact]
    public void Entries_made_without_a_converter_or_with_another_one_are_not_reused()
    {
        Build(converter: null, new DiskArticleCache(_root));
        var withConverter = new DiskArticleCache(_root);
        var build = Build(new RecordingConverter("fake-a"), withConverter);
        var otherConverter = new DiskArticleCache(_root);
        Build(new RecordingConverter("fake-b"), otherConverter);

        Assert.True(withConverter.Hits == 0 && otherConverter.Hits == 0,
            $"expected no hits across converters, got {withConverter.Hits} and {otherConverter.Hits}");
        Assert.All(build.Articles, a => Assert.NotNull(a.ScriptTexts));
    }

    private static IReadOnlyList<ArticleExtraction> SeedArticles()
    {
        var source = ReadSeeds();
        var config = SiteConfigParser.Parse(source.ConfigText, source.ConfigFileName).Value;
        var articles = source.Articles.Select(f => ArticleProcessor.Process(f, config).Value).OfType<ArticleExtraction>().ToList();
        Assert.NotEmpty(articles);
        return articles;
    }

    private static SiteSource ReadSeeds() => SiteSourceReader.Read(
        Path.Combine(RepositoryRoot.Path, "site-config.yml"), Path.Combine(RepositoryRoot.Path, "seeds"), Path.Combine(RepositoryRoot.Path, "templates"));

    private static SiteBuild Build(IScriptConverter? converter, IArticleCache? cache) =>
        SiteBuilder.Build(ReadSeeds(), new BuildContext(new DateOnly(2025, 6, 30), converter, cache, KeepGoing: true));

    private static void AssertSameFiles(SiteBuild expected, SiteBuild actual)
    {
        Assert.Equal(expected.Files.Select(f => f.Path), actual.Files.Select(f => f.Path));
        foreach (var (e, a) in expected.Files.Zip(actual.Files))
        {
            Assert.True(e.Content.AsSpan().SequenceEqual(a.Content), $"expected {e.Path} to be byte-identical with and without the cache");
        }
    }
}
