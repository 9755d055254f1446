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
        Assert.Equal(content.Articles.Sum(a => a.Sentences.Count), docs.Count(d => (string)d!["k"]! == "s"));

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

    private static IEnumerable<int> Postings(JsonObject index, string bigram) =>
        index["bigrams"]![bigram]?.AsArray().Select(n => (int)n!) ?? [];
}
