using HetaoSite.Core.Evaluation;

namespace HetaoSite.Core.Tests.Evaluation;

public class TitleRulesTests
{
    [Theory]
    [InlineData("香港科學園深圳分園開園")]
    [InlineData("國務院印發《河套深港科技創新合作區深圳園區發展規劃》")]
    [InlineData("海关总署印发支持河套深圳园区若干措施")]
    [InlineData("Hong Kong and Shenzhen sign MOU to develop the Lok Ma Chau Loop")]
    public void Headlines_pass(string title) => Assert.Empty(TitleRules.Faults(title));

    [Theory]
    [InlineData("…香港城市大學等五所香港高校在河套設立研究院並陸續開展科研…", "too long (30 characters outside 《》)")]
    [InlineData("落地河套深圳園區的香港科學園深圳分園…", "ends with an ellipsis")]
    [InlineData("也正式開園", "starts with '也'")]
    [InlineData("今年香港園區首批大樓落成", "starts with '今年'")]
    [InlineData("上午", "a lone time word")]
    [InlineData("Hong Kong and Shenzhen signed a memorandum under which the two cities will develop the Loop", "too long (16 words)")]
    public void Faulty_titles_are_named(string title, string fault) => Assert.Contains(fault, TitleRules.Faults(title));
}
