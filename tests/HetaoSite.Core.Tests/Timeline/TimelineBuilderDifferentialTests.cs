using FsCheck;
using FsCheck.Xunit;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.Timeline.Reference;
using HetaoSite.Core.Timeline;

namespace HetaoSite.Core.Tests.Timeline;

/// <summary>
/// The optimised merger (packed bigrams, counting arrays, top-k selection, precomputed sort keys) must give exactly what
/// the straightforward version in <c>Reference/</c> gives: same events, ids, dates, sources, order, diagnostics and
/// possible duplicates; and whatever the corpus, no merged event holds two dates that cannot both be right.
/// Random corpora use a small alphabet so titles collide often, in both scripts, with one-character, empty, ASCII and
/// astral titles and lone surrogates; the large one pushes bigrams past the common-bigram limit and groups past the
/// candidate limit.
/// </summary>
public sealed class TimelineBuilderDifferentialTests
{
    private static readonly string[] Pieces =
    [
        "河", "套", "科", "創", "创", "中", "心", "開", "开", "園", "园", "區", "区", "深", "港", "合", "作",
        "A", "a", "B", "5", "G", "，", "。", " ", "𠀀", "\uD800",
    ];

    private sealed class TinyConverter : IScriptConverter
    {
        private static readonly (char Hant, char Hans)[] Pairs = [('創', '创'), ('區', '区'), ('開', '开'), ('園', '园')];

        public string ToSimplified(string text) => Pairs.Aggregate(text, (t, p) => t.Replace(p.Hant, p.Hans));

        public string ToTraditional(string text) => Pairs.Aggregate(text, (t, p) => t.Replace(p.Hans, p.Hant));
    }

    [Property(MaxTest = 200)]
    public void Small_random_corpora_give_the_reference_timeline(int seed, bool convert, PositiveInt size)
    {
        var articles = Corpus(new Random(seed), articleCount: 1 + (size.Get % 12), statementsPerArticle: 1 + (size.Get % 9), titleLength: 8, Pieces.Length);
        AssertSameAsReference(articles, convert ? new TinyConverter() : null);
    }

    [Property(MaxTest = 200)]
    public void Incompatible_dates_never_merge_and_every_look_alike_pair_has_them(int seed, PositiveInt size)
    {
        var articles = Corpus(new Random(seed), articleCount: 1 + (size.Get % 12), statementsPerArticle: 1 + (size.Get % 9), titleLength: 8, Pieces.Length);
        var statements = articles.SelectMany(a => a.Statements).ToList();
        var merged = EventMerger.Merge(statements, new TinyConverter());

        foreach (var group in merged.Groups)
        {
            var spans = group.Statements.Select(s => DateSpan.Of(s.Expression)).ToList();
            var clash = spans.SelectMany(a => spans.Where(b => !DateSpan.Compatible(a, b)).Select(b => $"{a} and {b}")).FirstOrDefault();
            Assert.True(clash is null, $"expected every date of a merged event to refine the others, got {clash}");
        }

        foreach (var (first, second) in merged.LookAlikes)
        {
            Assert.True(first < second, $"expected look-alike pairs lower index first, got ({first}, {second})");
            var a = merged.Groups[first].Statements.Select(s => DateSpan.Of(s.Expression));
            var b = merged.Groups[second].Statements.Select(s => DateSpan.Of(s.Expression));
            Assert.True(a.Any(x => b.Any(y => !DateSpan.Compatible(x, y))), $"expected look-alike groups {first} and {second} to have incompatible dates");
        }
    }

    [Theory]
    [InlineData(1, 6, 10)]
    [InlineData(2, 10, 14)]
    public void A_large_random_corpus_with_common_bigrams_gives_the_reference_timeline(int seed, int titleLength, int alphabet)
    {
        var articles = Corpus(new Random(seed), articleCount: 200, statementsPerArticle: 20, titleLength, alphabet);
        AssertSameAsReference(articles, new TinyConverter());
    }

    [Fact]
    public void Packed_bigrams_count_exactly_like_string_bigrams()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var a = TextKey.Normalise(Title(random, 10, Pieces.Length), null);
            var b = TextKey.Normalise(Title(random, 10, Pieces.Length), null);
            var expected = ReferenceTextKey.Dice(ReferenceTextKey.Bigrams(a), ReferenceTextKey.Bigrams(b));
            var actual = TextKey.Dice(TextKey.BigramCodes(a), TextKey.BigramCodes(b));
            Assert.True(expected == actual, $"Dice('{a}', '{b}'): expected {expected}, got {actual}");
            Assert.Equal(ReferenceTextKey.Bigrams(a).Count, TextKey.BigramCodes(a).Length);
        }
    }

    [Fact]
    public void Normalise_matches_the_plain_rune_loop_on_mixed_scripts_and_case()
    {
        const string text = "河套ÀÉ İstanbul ΣΑΣ Straße 𠀀\uD800 ＡＢＣ１２３，河套深港科技創新合作區";
        Assert.Equal(ReferenceTextKey.Normalise(text, null), TextKey.Normalise(text, null));
        Assert.Equal(ReferenceTextKey.Normalise(text, new TinyConverter()), TextKey.Normalise(text, new TinyConverter()));
    }

    private static void AssertSameAsReference(IReadOnlyList<ArticleExtraction> articles, IScriptConverter? converter)
    {
        var expected = Describe(ReferenceTimelineBuilder.Build(articles, SiteConfig.Default, converter));
        var actual = Describe(TimelineBuilder.Build(articles, SiteConfig.Default, converter));
        Assert.Equal(expected, actual);
    }

    private static List<string> Describe(SiteTimeline timeline) =>
    [
        .. timeline.Events.Select(e =>
            $"{e.Id} {e.Date} {e.End} {e.Title} {e.Category} planned={e.Planned} approx={e.Approximate} manual={e.Manual} | "
            + string.Join(" ; ", e.Sources.Select(s => $"{s.File}#{s.Anchor} {s.Expression} {s.Sentence}"))),
        .. timeline.Diagnostics.Select(d => $"{d.Code} {d.Severity} {d.File} {d.Message} {d.Hint}"),
        .. timeline.PossibleDuplicates.Select(p => $"possible duplicate {p.First.Id} {p.Second.Id}"),
    ];

    private static List<ArticleExtraction> Corpus(Random random, int articleCount, int statementsPerArticle, int titleLength, int alphabet) =>
        [.. Enumerable.Range(0, articleCount).Select(i => Article(random, $"{random.Next(100):D2}-{i}.txt", statementsPerArticle, titleLength, alphabet))];

    private static ArticleExtraction Article(Random random, string file, int statementCount, int titleLength, int alphabet)
    {
        var id = ArticleIds.FromFileName(file);
        var published = new PartialDate(2019, 1 + random.Next(3), 1 + random.Next(3));
        var article = new Article(id, file, file, null, null, published, MetadataOrigin.Config, "config", "zh-Hant", Script.Hant, "utf-8",
            ArticleFormat.Text, 0, [], [], [], CleaningStats.Empty);
        var statements = new List<DatedStatement>();
        var sentences = new List<Sentence>();
        for (var i = 0; i < statementCount; i++)
        {
            // Some sentences hold two dates (same block and index, different start).
            var sentence = random.Next(4) == 0 && sentences.Count > 0 ? sentences[^1] : new Sentence(random.Next(3), i, 0, $"句{i}{Title(random, titleLength, alphabet)}");
            if (!ReferenceEquals(sentence, sentences.LastOrDefault()))
            {
                sentences.Add(sentence);
            }

            var date = Date(random);
            PartialDate? end = random.Next(8) == 0 ? new PartialDate(date.Year, 12) : null;
            // Ids hash file, sentence and expression text, so two dates of one sentence must be written differently.
            var expression = new TemporalExpression($"{date}#{i}", random.Next(20), date, end, Approximate: random.Next(5) == 0);
            statements.Add(new DatedStatement(id, file, sentence, expression, Title(random, titleLength, alphabet), random.Next(2) == 0 ? "policy" : "milestone",
                random.Next(3) == 0));
        }

        return new ArticleExtraction(article, sentences, statements, [], [], statements.Count);
    }

    private static PartialDate Date(Random random) => random.Next(3) switch
    {
        0 => new PartialDate(2017 + random.Next(3)),
        1 => new PartialDate(2017 + random.Next(3), 1 + random.Next(3)),
        _ => new PartialDate(2017 + random.Next(3), 1 + random.Next(3), 1 + random.Next(3)),
    };

    private static string Title(Random random, int maxLength, int alphabet) =>
        string.Concat(Enumerable.Range(0, random.Next(maxLength + 1)).Select(_ => Pieces[random.Next(alphabet)]));
}
