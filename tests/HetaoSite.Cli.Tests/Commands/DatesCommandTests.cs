using System.Text.Json;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

public class DatesCommandTests
{
    [Fact]
    public void Prints_a_json_array_of_date_precision_and_expression()
    {
        var result = CliRun.Of("dates", "--ref", "2024-08-09", "--text", "去年9月，園區發布首單試點業務。");
        Assert.Equal(0, result.ExitCode);
        var array = JsonDocument.Parse(result.Stdout).RootElement;
        var first = array[0];
        Assert.Equal("2023-09", first.GetProperty("date").GetString());
        Assert.Equal("month", first.GetProperty("precision").GetString());
        Assert.Equal("去年9月", first.GetProperty("expression").GetString());
    }

    [Fact]
    public void Jsonl_mode_answers_one_array_per_line_and_reports_bad_lines()
    {
        const string input = "{\"ref\":\"2024-08-09\",\"text\":\"2019年3月5日\"}\nnot json\n{\"ref\":\"2024-08-09\",\"text\":\"沒有日期\"}\n";
        var result = CliRun.WithInput(input, "dates", "--jsonl");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("2019-03-05", JsonDocument.Parse(lines[0]).RootElement[0].GetProperty("date").GetString());
        Assert.Equal("[]", lines[1]);
        Assert.Equal("[]", lines[2]);
        Assert.Contains("stdin:2", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void A_bad_reference_date_is_a_usage_error() =>
        Assert.Equal(2, CliRun.Of("dates", "--ref", "2024-13-01", "--text", "x").ExitCode);
}
