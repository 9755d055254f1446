using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Cleaning.Rules.RuleTestHelpers;

namespace HetaoSite.Core.Tests.Cleaning.Rules;

public sealed class DetectScriptTests
{
    [Theory]
    [InlineData("河套深港科技創新合作區發展規劃", Script.Hant, "zh-Hant")]
    [InlineData("河套深港科技创新合作区发展规划", Script.Hans, "zh-Hans")]
    [InlineData("The Hetao Shenzhen-Hong Kong Science and Technology Innovation Cooperation Zone 河套", Script.Latin, "en")]
    public void Script_and_language_come_from_script_specific_characters(string text, Script script, string language) =>
        Assert.Equal((script, language), DetectScript.Detect([text]));

    [Fact]
    public void The_pass_carries_the_result()
    {
        var pass = DetectScript.Apply(Pass("河套深港合作硕果累累", "高端科创资源加速聚集"));
        Assert.Equal((Script.Hans, "zh-Hans"), (pass.Script, pass.Language));
    }
}
