using HetaoSite.Core.Extraction;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Tests.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Extraction;

/// <summary>Behaviours of the headline builder that the spec files (Specs/titles) do not show one by one.</summary>
public class EventTitlesTests
{
    [Fact]
    public void A_title_too_long_to_shorten_by_rules_is_cut_at_a_word_boundary_never_with_an_ellipsis()
    {
        var sentence = "去年11月29日，河套深圳園區聯合香港多所大學發布" + string.Concat(Enumerable.Repeat("生物醫藥", 6)) + "的研究成果和臨床試驗服務平台。";
        var title = EventTitles.From(sentence, 0, "去年11月29日".Length);
        Assert.True(TitleFaults.Length(title) <= EventTitles.MaxLength, $"expected at most {EventTitles.MaxLength} characters, got {TitleFaults.Length(title)}: {title}");
        Assert.DoesNotContain("…", title, StringComparison.Ordinal);
        Assert.True(TitleFaults.Of(title).Count == 0, $"expected a headline, got '{title}': {string.Join(", ", TitleFaults.Of(title).Select(TitleFaults.Describe))}");
    }

    [Fact]
    public void A_date_with_only_a_time_of_day_after_it_is_never_the_title()
    {
        var title = EventTitles.From("8日上午，香港城市大學在河套深圳園區設立的研究院揭牌。", 0, 2);
        Assert.True(title == "香港城市大學在河套深圳園區設立的研究院揭牌", $"expected the clause after '8日上午', got '{title}'");
    }

    [Fact]
    public void The_subject_is_not_taken_from_a_previous_sentence_about_the_reporters()
    {
        var title = EventTitles.From("今年3月，發布了首批試點名單。", 0, 4, previous: "記者走訪了河套深圳園區。");
        Assert.True(title == "發布了首批試點名單", $"expected no borrowed subject, got '{title}'");
    }

    [Fact]
    public void A_name_in_book_title_marks_is_never_cut()
    {
        var sentence = "2020年，《深圳市人民政府關於支持深港科技創新合作區深圳園區建設國際開放創新中心的若干意見》出台。";
        var title = EventTitles.From(sentence, 0, 5);
        Assert.True(title == "《深圳市人民政府關於支持深港科技創新合作區深圳園區建設國際開放創新中心的若干意見》出台", $"got '{title}'");
    }

    [Fact]
    public void Topic_is_a_short_name_or_nothing()
    {
        Assert.Equal("元戎啟行", EventTitles.Topic("元戎啟行是一家自動駕駛科技公司"));
        Assert.Equal("晶泰科技", EventTitles.Topic("牽頭建設中試平臺的晶泰科技"));
        Assert.Equal("河套深圳園區", EventTitles.Topic("河套深圳園區探索實施了新的科研管理機制"));
        Assert.Null(EventTitles.Topic("為了讓更多科研成果走進企業"));
        Assert.Null(EventTitles.Topic("他表示"));
    }
}

/// <summary>
/// Every title of the seed site is a headline (issue 17, item 9): the five frozen seed articles built with the
/// repository's own site-config.yml (its text corrections and its editorial title corrections), so the test sees what
/// the published site shows. Both the builder's titles (before corrections) and the published ones are checked.
/// </summary>
public class SeedTitleTests
{
    private static readonly Lazy<SiteBuild> Build = new(() =>
    {
        var config = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "site-config.yml"));
        var articles = SeedFixtures.Names.Select(SeedFixtures.File).ToList();
        var source = new SiteSource(config, "site-config.yml", articles, RepoTemplates.All, []);
        return SiteBuilder.Build(source, new BuildContext(new DateOnly(2025, 12, 31), null));
    });

    [Fact]
    public void Every_title_the_builder_makes_for_a_seed_is_a_headline()
    {
        var faulty = Build.Value.Articles.SelectMany(a => a.Statements)
            .Select(s => (s.Title, Faults: TitleFaults.Of(s.Title), s.Sentence.Text))
            .Where(t => t.Faults.Count > 0)
            .Select(t => $"'{t.Title}' ({string.Join(", ", t.Faults.Select(TitleFaults.Describe))}) from: {t.Text}")
            .ToList();
        Assert.True(faulty.Count == 0, $"expected every title of the seeds to be a headline; faulty:\n{string.Join('\n', faulty)}");
    }

    [Fact]
    public void Every_title_on_the_seed_site_is_a_headline()
    {
        Assert.False(Build.Value.HasErrors, string.Join('\n', Build.Value.Diagnostics));
        var faulty = Build.Value.Timeline.Events
            .Where(e => TitleFaults.Of(e.Title).Count > 0)
            .Select(e => $"{e.Id} '{e.Title}' ({string.Join(", ", TitleFaults.Of(e.Title).Select(TitleFaults.Describe))})")
            .ToList();
        Assert.True(faulty.Count == 0, $"expected every event title on the seed site to be a headline; faulty:\n{string.Join('\n', faulty)}");
    }
}

public class BestTitleTests
{
    [Fact]
    public void A_merged_event_takes_the_first_title_that_is_a_headline()
    {
        Assert.Equal("河套創新論壇在河套科創中心舉行", EventTitles.Best(["上午", "河套創新論壇在河套科創中心舉行", "河套創新論壇開幕"]));
    }

    [Fact]
    public void Among_faulty_titles_the_one_with_fewest_faults_wins_and_the_first_among_equals()
    {
        Assert.Equal("發布6項揭榜選題", EventTitles.Best(["上午", "發布6項揭榜選題", "在港交所上市"]));
        Assert.Equal("河套科創中心正式開園", EventTitles.Best(["河套科創中心正式開園", "深圳河套學院正式開學"]));
    }
}
