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
    public void Every_doc_has_a_fragment_in_each_script_and_a_query_in_either_script_finds_it()
    {
        var converter = new FakeScriptConverter();
        var content = SampleSite.Content(converter);
        var index = SearchFiles.Of(content, Rendition.For(Script.Hant, converter));

        Assert.Equal(["zh-Hant", "zh-Hans"], index.Manifest["scripts"]!.AsArray().Select(n => (string)n!));
        var docs = index.Fragments[0];
        Assert.Equal(docs.Count, index.Fragments[1].Count);
        Assert.Equal(content.Timeline.Events.Count, docs.Count(d => (string)d["k"]! == "e"));
        var cited = content.Timeline.Events.SelectMany(e => e.Sources).Select(s => s.Sentence).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(cited, docs.Count(d => (string)d["k"]! == "s"));

        var plan = docs.FindIndex(d => (string)d["p"]! == "#2023-08-29-plan");
        Assert.Equal("2023-08-29", (string)docs[plan]["d"]!);
        Assert.Equal("2023年8月29日", (string)docs[plan]["dt"]!);
        Assert.Equal(index.Fold.Fold("規劃"), index.Fold.Fold("规划"));
        Assert.Contains(plan, index.Postings(index.Fold.Fold("規劃")));
        Assert.Contains("規劃", (string)docs[plan]["h"]!);
        Assert.Contains("规划", (string)index.Fragments[1][plan]["h"]!);
    }

    [Fact]
    public void Sentence_fragments_show_their_articles_headline_and_date_and_point_at_the_sentence()
    {
        var docs = SearchFiles.Of(SampleSite.Content(), Rendition.For(Script.Hant, null)).Fragments[0];
        var sentence = docs.First(d => (string)d["k"]! == "s");
        var article = docs.First(d => (string)d["k"]! == "a" && (string)d["h"]! == (string)sentence["h"]!);
        Assert.StartsWith((string)article["p"]! + "#s", (string)sentence["p"]!);
        Assert.Equal((string?)article["dt"], (string?)sentence["dt"]);
        Assert.NotNull(sentence["t"]);
        Assert.Null(article["t"]);
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
        var docs = SearchFiles.Of(SampleSite.Content(articles: articles, events: events), Rendition.For(Script.Hant, null)).Fragments[0];
        var sentences = docs.Where(d => (string)d["k"]! == "s").Select(d => (string)d["t"]!).ToList();
        Assert.Equal(1, sentences.Count(t => t == source.Sentence));
        Assert.DoesNotContain("這一句沒有被任何事件引用。", sentences);
        Assert.Contains(docs, d => (string)d["p"]! == "articles/quiet/");
    }

    [Fact]
    public void Every_file_is_named_by_its_content_and_listed_in_the_manifest()
    {
        var files = SearchIndex.Files(GeneratedSite.Content(articles: 300, paginate: 50), Rendition.For(Script.Hant, new FakeScriptConverter()));
        var manifest = JsonNode.Parse(files[0].Content)!.AsObject();
        Assert.Equal(SearchIndex.ManifestPath, files[0].Path);
        Assert.Equal(3, (int)manifest["version"]!);
        Assert.Equal("fnv1a32", (string)manifest["hash"]!);
        var shards = (int)manifest["shards"]!;
        Assert.True(shards > 1, $"expected 300 articles to need more than one shard, got {shards}");
        var listed = manifest["postings"]!.AsArray().Select((h, i) => SearchShards.PostingsPath(i, (string)h!)).ToList();
        var chunks = manifest["chunks"]!.AsArray().Select(n => (int)n!).ToList();
        Assert.Equal((int)manifest["docs"]!, chunks.Sum());
        foreach (var (lang, hashes) in manifest["scripts"]!.AsArray().Zip(manifest["fragments"]!.AsArray()))
        {
            Assert.Equal(chunks.Count, hashes!.AsArray().Count);
            listed.AddRange(hashes.AsArray().Select(h => SearchShards.FragmentsPath((string)lang!, (string)h!)));
        }

        Assert.Equal(listed.Order(StringComparer.Ordinal), files.Skip(1).Select(f => f.Path).Order(StringComparer.Ordinal));
        foreach (var file in files.Skip(1))
        {
            var hash = file.Path.StartsWith(SearchShards.Folder + "p-", StringComparison.Ordinal) ? SearchShards.ContentHash(file.Content) : SearchShards.ChunkHash(file.Content);
            Assert.EndsWith($"-{hash}.json", file.Path, StringComparison.Ordinal);
        }

        var fragments = files.Where(f => !f.Path.StartsWith(SearchShards.Folder + "p-", StringComparison.Ordinal) && f.Path != SearchIndex.ManifestPath).ToList();
        Assert.Equal(chunks.Count * 2, fragments.Count);
        Assert.All(fragments, f => Assert.Contains(JsonNode.Parse(f.Content)!.AsArray().Count, chunks));

        var (from, to) = ((string)manifest["fold"]![0]!, (string)manifest["fold"]![1]!);
        Assert.Equal(from.Length, to.Length);
        Assert.Contains('區', from);
    }

    [Fact]
    public void Adding_an_article_keeps_most_fragment_chunk_files()
    {
        var renditions = Rendition.For(Script.Hant, new FakeScriptConverter());
        var before = ChunkFiles(GeneratedSite.Content(articles: 300, paginate: 50));
        var after = ChunkFiles(GeneratedSite.Content(articles: 301, paginate: 50));

        var kept = after.Intersect(before, StringComparer.Ordinal).Count();
        Assert.True(kept * 4 >= before.Count * 3, $"expected adding an article to keep at least three quarters of the {before.Count} chunk files, but it kept {kept}");

        List<string> ChunkFiles(SiteContent content) => [.. SearchIndex.Files(content, renditions).Select(f => f.Path)
            .Where(p => p.StartsWith(SearchShards.Folder, StringComparison.Ordinal) && !p.StartsWith(SearchShards.Folder + "p-", StringComparison.Ordinal))];
    }

    [Fact]
    public void Each_bigram_is_in_the_shard_its_hash_names_and_lists_every_doc_whose_text_holds_it()
    {
        var index = SearchFiles.Of(GeneratedSite.Content(articles: 300, paginate: 50), Rendition.For(Script.Hant, new FakeScriptConverter()));
        var shards = (int)index.Manifest["shards"]!;
        var docs = (int)index.Manifest["docs"]!;
        foreach (var (postings, shard) in index.Shards.Select((p, i) => (p, i)))
        {
            foreach (var (bigram, ids) in postings)
            {
                Assert.Equal(shard, SearchShards.ShardOf(bigram, shards));
                Assert.True(ids.SequenceEqual(ids.Order().Distinct()) && ids[0] >= 0 && ids[^1] < docs, $"{bigram}: expected ascending doc ids, got {string.Join(",", ids)}");
            }
        }

        for (var script = 0; script < 2; script++)
        {
            foreach (var (doc, id) in index.Fragments[script].Select((d, i) => (d, i)))
            {
                foreach (var bigram in SearchIndex.Bigrams(index.Fold.Fold((string?)doc["t"] ?? (string)doc["h"]!)))
                {
                    Assert.Contains(id, index.Postings(bigram));
                }
            }
        }
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

        var fromSentences = SearchFiles.Bytes(content, renditions);
        var fromStatements = SearchFiles.Bytes(SampleSite.Content(articles: unread), renditions);

        Assert.Equal(fromSentences, SearchFiles.Bytes(SampleSite.Content(articles: stating), renditions));
        Assert.Equal(fromSentences, fromStatements);
    }

    [Fact]
    public void A_sentence_no_statement_holds_is_found_among_all_of_the_articles_sentences()
    {
        // A manual event (events.add in site-config.yml) can cite a sentence that no statement of the article holds.
        var content = SampleSite.Content();
        var stating = content.Articles.Select(a => a with { Statements = StatementsCiting(a, content.Timeline.Events).Skip(1).ToList() }).ToList();
        var renditions = Rendition.For(Script.Hant, null);

        Assert.Equal(SearchFiles.Bytes(content, renditions), SearchFiles.Bytes(SampleSite.Content(articles: stating), renditions));
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

    /// <summary>The search files of a site, read back: the manifest, each shard's decoded postings, each script's fragments.</summary>
    private sealed record SearchFiles(JsonObject Manifest, List<Dictionary<string, int[]>> Shards, List<List<JsonObject>> Fragments, SearchFold Fold)
    {
        public static SearchFiles Of(SiteContent content, IReadOnlyList<Rendition> renditions)
        {
            var files = SearchIndex.Files(content, renditions).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
            var manifest = JsonNode.Parse(files[SearchIndex.ManifestPath])!.AsObject();
            var shards = manifest["postings"]!.AsArray().Select((h, i) => JsonNode.Parse(files[SearchShards.PostingsPath(i, (string)h!)])!.AsObject()
                .ToDictionary(p => p.Key, p => Decode(p.Value!.AsArray()), StringComparer.Ordinal)).ToList();
            var fragments = manifest["scripts"]!.AsArray().Zip(manifest["fragments"]!.AsArray())
                .Select(s => s.Second!.AsArray().SelectMany(h => JsonNode.Parse(files[SearchShards.FragmentsPath((string)s.First!, (string)h!)])!.AsArray())
                    .Select(d => d!.AsObject()).ToList()).ToList();
            var texts = fragments.SelectMany(f => f).SelectMany(d => new[] { (string)d["h"]!, (string?)d["t"] ?? string.Empty });
            return new SearchFiles(manifest, shards, fragments, SearchFold.Build(texts, renditions[0].Converter));
        }

        public static string Bytes(SiteContent content, IReadOnlyList<Rendition> renditions) =>
            string.Join("\n", SearchIndex.Files(content, renditions).Select(f => f.Path + " " + Convert.ToHexString(f.Content)));

        public IEnumerable<int> Postings(string bigram) =>
            Shards[SearchShards.ShardOf(bigram, Shards.Count)].GetValueOrDefault(bigram) ?? [];

        private static int[] Decode(JsonArray gaps)
        {
            var ids = new int[gaps.Count];
            var id = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = id += (int)gaps[i]!;
            }

            return ids;
        }
    }
}
