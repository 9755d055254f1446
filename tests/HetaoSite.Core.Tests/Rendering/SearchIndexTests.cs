using System.Text.Json.Nodes;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class SearchIndexTests
{
    [Fact]
    public void Bigrams_are_adjacent_letters_or_digits_lower_cased() =>
        Assert.Equal(["河套", "合作", "作區", "5g"], SearchIndex.Bigrams("河套 合作區，5G"));

    [Fact]
    public void Every_doc_has_text_in_both_scripts_and_both_scripts_find_it()
    {
        var converter = new FakeScriptConverter();
        var content = SampleSite.Content(converter);
        var renditions = Rendition.For(Script.Hant, converter);
        var index = SearchIndex.Build(content, renditions);

        Assert.Equal(["zh-Hant", "zh-Hans"], index["scripts"]!.AsArray().Select(n => (string)n!));
        var docs = index["docs"]!.AsArray();
        var events = docs.Count(d => (string)d!["k"]! == "e");
        Assert.Equal(content.Timeline.Events.Count, events);
        var cited = content.Timeline.Events.SelectMany(e => e.Sources).Select(s => s.Sentence).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(cited, docs.Count(d => (string)d!["k"]! == "s"));

        var plan = docs.Select((d, i) => (d: d!, i)).Single(x => (string)x.d["p"]! == "#2023-08-29-plan").i;
        Assert.Contains(plan, Postings(index, "規劃"));
        Assert.Contains(plan, Postings(index, "规划"));
    }

    [Fact]
    public void Sentence_docs_point_at_their_article_doc_and_anchor()
    {
        var index = SearchIndex.Build(SampleSite.Content(), Rendition.For(Script.Hant, null));
        var docs = index["docs"]!.AsArray();
        var sentence = docs.First(d => (string)d!["k"]! == "s")!;
        var article = docs[(int)sentence["a"]!]!;
        Assert.Equal("a", (string)article["k"]!);
        Assert.StartsWith((string)article["p"]! + "#s", (string)sentence["p"]!);
    }

    [Fact]
    public void A_sentence_cited_by_several_events_is_one_doc_and_uncited_sentences_are_not_indexed()
    {
        var content = SampleSite.Content();
        var source = content.Timeline.Events[0].Sources[0];
        var events = content.Timeline.Events
            .Append(new TimelineEvent("again", new PartialDate(2025, 1, 1), null, "同一句的另一件事", "industry", false, false, [source]))
            .ToList();
        var articles = content.Articles.Append(SampleSite.Article("quiet", "quiet.txt", "沒有事件的報道", "媒體", null, new PartialDate(2020, 1, 1),
            Script.Hant, [new TextBlock("這一句沒有被任何事件引用。", BlockKind.Paragraph, 1)])).ToList();
        var index = SearchIndex.Build(SampleSite.Content(articles: articles, events: events), Rendition.For(Script.Hant, null));
        var docs = index["docs"]!.AsArray();
        var sentences = docs.Where(d => (string)d!["k"]! == "s").Select(d => (string)d!["t"]![0]!).ToList();
        Assert.Equal(1, sentences.Count(t => t == source.Sentence));
        Assert.DoesNotContain("這一句沒有被任何事件引用。", sentences);
        Assert.Contains(docs, d => (string)d!["p"]! == "articles/quiet/");
    }

    [Fact]
    public void A_bigram_in_more_docs_than_the_cap_is_listed_as_common_without_postings()
    {
        var events = Enumerable.Range(0, SearchIndex.MaxPostings + 1)
            .Select(i => new TimelineEvent($"e{i}", new PartialDate(2020, 1, 1), null, $"園區第{i}項", "industry", false, false, []))
            .ToList();
        var index = SearchIndex.Build(SampleSite.Content(events: events), Rendition.For(Script.Hant, null));
        Assert.Null(index["bigrams"]!["園區"]);
        Assert.Contains("園區", index["common"]!.AsArray().Select(n => (string)n!));
        Assert.Single(Postings(index, "第1"), id => (string)index["docs"]![id]!["t"]![0]! == "園區第1項");
    }

    [Fact]
    public void Cited_sentences_are_found_among_the_statements_without_reading_all_of_an_articles_sentences()
    {
        // As extraction makes them, each article states the events that cite it. An article from the cache decodes its
        // full sentence list only when it is read (what only its page needs), so the index must not read it.
        var content = SampleSite.Content();
        var renditions = Rendition.For(Script.Hant, new FakeScriptConverter());
        var stating = content.Articles.Select(a => a with { Statements = StatementsCiting(a, content.Timeline.Events) }).ToList();
        var unread = stating.Select(a => a with { Sentences = new UnreadableList<Sentence>($"{a.Article.FileName}'s sentences") }).ToList();
        Assert.All(stating, a => Assert.NotEmpty(a.Statements));

        var fromSentences = SearchIndex.Build(content, renditions).ToJsonString();
        var fromStatements = SearchIndex.Build(SampleSite.Content(articles: unread), renditions).ToJsonString();

        Assert.Equal(fromSentences, SearchIndex.Build(SampleSite.Content(articles: stating), renditions).ToJsonString());
        Assert.Equal(fromSentences, fromStatements);
    }

    [Fact]
    public void A_sentence_no_statement_holds_is_found_among_all_of_the_articles_sentences()
    {
        // A manual event (events.add in site-config.yml) can cite a sentence that no statement of the article holds.
        var content = SampleSite.Content();
        var stating = content.Articles.Select(a => a with { Statements = StatementsCiting(a, content.Timeline.Events).Skip(1).ToList() }).ToList();
        var renditions = Rendition.For(Script.Hant, null);

        Assert.Equal(SearchIndex.Build(content, renditions).ToJsonString(), SearchIndex.Build(SampleSite.Content(articles: stating), renditions).ToJsonString());
    }

    private static List<DatedStatement> StatementsCiting(ArticleExtraction article, IReadOnlyList<TimelineEvent> events) =>
    [
        .. from e in events
           from source in e.Sources
           where source.ArticleId == article.Article.Id
           let sentence = article.Sentences.Single(s => s.Anchor == source.Anchor)
           select new DatedStatement(article.Article.Id, article.Article.FileName, sentence,
               new TemporalExpression(source.Expression, 0, e.Date, e.End, Relative: false, Approximate: e.Approximate), e.Title, e.Category, e.Planned),
    ];

    /// <summary>A list that fails the test when it is read.</summary>
    private sealed class UnreadableList<T>(string what) : IReadOnlyList<T>
    {
        public int Count => throw Read();

        public T this[int index] => throw Read();

        public IEnumerator<T> GetEnumerator() => throw Read();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => throw Read();

        private Xunit.Sdk.XunitException Read() => new($"expected {what} not to be read");
    }

    private static IEnumerable<int> Postings(JsonObject index, string bigram) =>
        index["bigrams"]![bigram]?.AsArray().Select(n => (int)n!) ?? [];
}
