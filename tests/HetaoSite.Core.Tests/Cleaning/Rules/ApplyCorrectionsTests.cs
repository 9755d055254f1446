using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class ApplyCorrectionsTests
{
    private static ArticleOverride Corrections(params TextCorrection[] corrections) => new(null, null, null, null, corrections, 12);

    [Fact]
    public void Corrections_replace_every_occurrence_and_are_counted()
    {
        var start = Pass([new TextBlock("一河之隔!兑(guī)劃》提出，《規劃》", BlockKind.Paragraph, 3), new TextBlock("!兑(guī)劃》", BlockKind.Paragraph, 5)],
            articleOverride: Corrections(new TextCorrection("!兑(guī)劃》", "《規劃》")));
        var pass = ApplyCorrections.Apply(start);
        Assert.Equal(["一河之隔《規劃》提出，《規劃》", "《規劃》"], pass.Texts);
        Assert.Equal(2, pass.Stats.CorrectionsApplied);
        Assert.Empty(pass.Diagnostics);
    }

    [Fact]
    public void A_correction_that_matches_nothing_is_warning_HS0131_naming_the_file()
    {
        var pass = ApplyCorrections.Apply(Pass([new TextBlock("正文", BlockKind.Paragraph, 1)], articleOverride: Corrections(new TextCorrection("不存在", "x"))));
        var warning = Assert.Single(pass.Diagnostics);
        Assert.Equal(("HS0131", Severity.Warning, "a.txt"), (warning.Code, warning.Severity, warning.File));
        Assert.Contains("a.txt", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, pass.Stats.CorrectionsApplied);
    }

    [Fact]
    public void Without_an_override_nothing_changes() =>
        Assert.Equal(["正文"], ApplyCorrections.Apply(Pass("正文")).Texts);
}
