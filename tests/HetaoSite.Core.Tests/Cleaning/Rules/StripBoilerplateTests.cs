using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class StripBoilerplateTests
{
    [Theory]
    [InlineData("返回頂部")]
    [InlineData("返回顶部")]
    [InlineData("分享讓更多人看到")]
    [InlineData("分享让更多人看到")]
    [InlineData("小字號")]
    [InlineData("大字號")]
    [InlineData("(責編:艾雯、崔越)")]
    [InlineData("（责编：王小明）")]
    [InlineData("分享到：")]
    [InlineData("微信 微博 QQ空間")]
    [InlineData("[圖片]")]
    [InlineData("安国市| 大城县| 高邑县| 西乡县| 周宁县| 嘉义市| 娱乐| 高阳县|")]
    [InlineData("人民網>>港澳")]
    [InlineData("人民網")]
    public void Page_furniture_is_boilerplate(string text) => Assert.True(StripBoilerplate.IsBoilerplate(text), $"expected '{text}' to be boilerplate");

    [Theory]
    [InlineData("新華社記者趙瑞希")]
    [InlineData("大公報記者胡永愛報道")]
    [InlineData("大公報記者 胡永愛報道")]
    [InlineData("大公報記者胡永愛整理")]
    [InlineData("文羊城晚报记者 林园 图羊城晚报记者 王磊 策划 李时平 李天军")]
    [InlineData("证券时报记者 吴家明")]
    public void Reporter_only_lines_are_recognised(string text) => Assert.True(StripBoilerplate.IsReporterLine(text), $"expected '{text}' to be a reporter line");

    [Theory]
    [InlineData("河套深港科技創新合作區")]
    [InlineData("文化交流")]
    [InlineData("持續擴大深港合作“最大公約數”")]
    [InlineData("深港國際科技園")]
    [InlineData("記者看到多家香港創業者開設的公司駐扎在這裏。")]
    [InlineData("1. 世界500强研发中心集群")]
    [InlineData("香港大学| 香港科技大学的合作")]
    [InlineData("实现“1+1>2”的效果")]
    public void Article_text_is_not_boilerplate(string text)
    {
        Assert.False(StripBoilerplate.IsBoilerplate(text), $"'{text}' is text, not boilerplate");
        Assert.False(StripBoilerplate.IsReporterLine(text), $"'{text}' is text, not a reporter line");
    }

    [Fact]
    public void Removed_blocks_are_counted_and_reporter_and_source_lines_become_bylines()
    {
        var pass = StripBoilerplate.Apply(Pass("人民網", "正文。", "新華社記者趙瑞希", "來源：新華網", "返回頂部"));
        Assert.Equal(["正文。"], pass.Texts);
        Assert.Equal(4, pass.Stats.BoilerplateRemoved);
        Assert.Equal([("新華社記者趙瑞希", 5), ("來源：新華網", 7)], pass.Bylines.Select(b => (b.Text, b.Line)));
    }

    [Fact]
    public void A_reporter_credit_ending_a_paragraph_is_cut_but_a_photo_credit_is_not()
    {
        var pass = StripBoilerplate.Apply(Pass("支撐大灣區打造國際科技創新中心。」朱偉表示。 大公報記者胡永愛", "深港創業團隊參與其中。 大公報記者胡永愛攝"));
        Assert.Equal(["支撐大灣區打造國際科技創新中心。」朱偉表示。", "深港創業團隊參與其中。 大公報記者胡永愛攝"], pass.Texts);
        Assert.Equal("大公報記者胡永愛", Assert.Single(pass.Bylines).Text);
    }

    [Fact]
    public void A_related_news_list_is_removed_with_its_heading_up_to_the_next_paragraph()
    {
        var pass = StripBoilerplate.Apply(Pass("園區今日開放。", "延伸閱讀：", "· 2023年5月4日 河套舉辦開放日", "• 2022年9月1日 河套首座大樓封頂", "（完）"));
        Assert.Equal(["園區今日開放。", "（完）"], pass.Texts);
        Assert.Equal(3, pass.Stats.BoilerplateRemoved);

        var english = StripBoilerplate.Apply(Pass([new TextBlock("Related news", BlockKind.Paragraph, 1), new TextBlock("Loop park opens (May 4, 2023)", BlockKind.ListItem, 2)]));
        Assert.Empty(english.Texts);

        var bulletsAlone = StripBoilerplate.Apply(Pass("· 2023年5月4日，河套舉辦開放日。"));
        Assert.Single(bulletsAlone.Texts);
    }

    [Fact]
    public void Extra_patterns_from_the_config_must_match_a_whole_block()
    {
        var options = new CleaningOptions([@"點擊.*關注我們"], []);
        var pass = StripBoilerplate.Apply(Pass([new TextBlock("點擊這裏關注我們", BlockKind.Paragraph, 1), new TextBlock("他說：點擊這裏關注我們。", BlockKind.Paragraph, 2)], options));
        Assert.Equal(["他說：點擊這裏關注我們。"], pass.Texts);
    }
}
