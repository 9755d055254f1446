using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class TemplateSetTests
{
    [Fact]
    public void A_template_syntax_error_is_HS0201_with_file_and_line()
    {
        var templates = RepoTemplates.With("layouts/404.scriban-html", "<h1>x</h1>\n<p>\n{{ if }}\n</p>");
        var result = SiteRenderer.Render(SampleSite.Content(), templates);

        var error = result.Diagnostics.FirstOrDefault(d => d.Code == "HS0201");
        Assert.True(error is not null, "expected HS0201; got: " + string.Join("\n", result.Diagnostics));
        Assert.Equal("templates/layouts/404.scriban-html", error.File);
        Assert.Equal(3, error.Line);
        Assert.True(result.HasErrors);
        Assert.Contains(result.Value, f => f.Path == "data/events.json");
    }

    [Fact]
    public void An_unknown_variable_is_HS0202_naming_the_template()
    {
        var templates = RepoTemplates.With("layouts/404.scriban-html", "<h1>x</h1>\n{{ no_such_thing }}");
        var result = SiteRenderer.Render(SampleSite.Content(), templates);
        var error = result.Diagnostics.FirstOrDefault(d => d.Code == "HS0202");
        Assert.True(error is not null, "expected HS0202; got: " + string.Join("\n", result.Diagnostics));
        Assert.Equal("templates/layouts/404.scriban-html", error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void A_cached_partial_sees_its_keys_and_the_globals_but_no_other_variable_of_the_page()
    {
        // The event card reads max_sources, which every list page sets but which is not one of its keys: in its own
        // context the name does not exist, so the card fails rather than show one page's value on every page.
        var card = Text("partials/_event.scriban-html");
        var templates = RepoTemplates.With("partials/_event.scriban-html", card.Replace("<{{ heading }} class=\"event-title\">",
            "<{{ heading }} class=\"event-title\" data-max=\"{{ max_sources }}\" data-site=\"{{ site.lang }}\">", StringComparison.Ordinal));

        var result = SiteRenderer.Render(SampleSite.Content(), templates);

        var error = result.Diagnostics.FirstOrDefault(d => d.Code == "HS0202");
        Assert.True(error is not null && error.Message.Contains("max_sources", StringComparison.Ordinal),
            "expected HS0202 about max_sources; got: " + string.Join("\n", result.Diagnostics));
        Assert.Equal("templates/partials/_event.scriban-html", error.File);

        // Without the page's variable it renders, with its keys and the globals.
        var fixedTemplates = RepoTemplates.With("partials/_event.scriban-html", card.Replace("<{{ heading }} class=\"event-title\">",
            "<{{ heading }} class=\"event-title\" data-shown=\"{{ shown }}\" data-site=\"{{ site.lang }}\">", StringComparison.Ordinal));
        var rendered = SiteRenderer.Render(SampleSite.Content(), fixedTemplates);
        Assert.False(rendered.HasErrors, string.Join("\n", rendered.Diagnostics));
        var home = System.Text.Encoding.UTF8.GetString(rendered.Value.Single(f => f.Path == "index.html").Content);
        Assert.Contains("data-shown=\"1\" data-site=\"zh-Hant\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cached_partial_takes_its_keys_as_variables()
    {
        var timeline = Text("partials/_timeline.scriban-html");
        var templates = RepoTemplates.With("partials/_timeline.scriban-html", timeline.Replace(
            "include_cached \"partials/_event.scriban-html\" e heading shown", "include_cached \"partials/_event.scriban-html\" e.id heading shown", StringComparison.Ordinal));

        var result = SiteRenderer.Render(SampleSite.Content(), templates);

        var error = result.Diagnostics.FirstOrDefault(d => d.Code == "HS0202");
        Assert.True(error is not null && error.Message.Contains("as variables", StringComparison.Ordinal),
            "expected HS0202 saying the keys must be variables; got: " + string.Join("\n", result.Diagnostics));
        Assert.Equal("templates/partials/_timeline.scriban-html", error.File);
    }

    private static string Text(string path) =>
        System.Text.Encoding.UTF8.GetString(RepoTemplates.All.Single(f => f.Path == path).Content);

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("partials/../../x")]
    [InlineData("C:/x")]
    [InlineData("partials\\_event.scriban-html")]
    public void Includes_outside_templates_are_refused(string path)
    {
        Assert.False(SiteTemplateLoader.IsSafe(path));
        var templates = RepoTemplates.With("layouts/404.scriban-html", $"<h1>x</h1>{{{{ include \"{path.Replace("\\", "\\\\")}\" }}}}");
        var result = SiteRenderer.Render(SampleSite.Content(), templates);
        Assert.Contains(result.Diagnostics, d => d.Code == "HS0202" && d.Severity == Severity.Error);
    }

    [Fact]
    public void A_missing_layout_is_reported()
    {
        var templates = RepoTemplates.All.Where(f => f.Path != "layouts/year.scriban-html").ToList();
        var result = SiteRenderer.Render(SampleSite.Content(), templates);
        Assert.Contains(result.Diagnostics, d => d.Code == "HS0203" && d.File == "templates/layouts/year.scriban-html");
    }

    [Fact]
    public void Both_scripts_have_the_same_ui_string_keys()
    {
        var set = TemplateSet.Load(RepoTemplates.All).Value;
        var hant = set.Strings("zh-Hant")!.Keys.Order(StringComparer.Ordinal).ToList();
        var hans = set.Strings("zh-Hans")!.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(hant, hans);
    }

    [Theory]
    [InlineData("{\"a\": \"x\",\n \"b\": 2}", 2)]
    [InlineData("{\"a\": \"x\",\n\n \"b\": {\"c\": \"y\"}}", 3)]
    [InlineData("[\"a\"]", 1)]
    [InlineData("{\"a\": \"x\"\n\"b\": \"y\"}", 2)]
    [InlineData("{\"a\": \"x\"} {}", 1)]
    public void Ui_strings_that_are_not_an_object_of_strings_are_HS0204_with_file_and_line(string json, int line)
    {
        var result = TemplateSet.Load([.. RepoTemplates.All.Where(f => f.Path != "i18n/zh-Hans.json"),
            new("i18n/zh-Hans.json", System.Text.Encoding.UTF8.GetBytes(json))]);

        var error = result.Diagnostics.SingleOrDefault(d => d.Code == TemplateSet.StringsErrorCode);
        Assert.True(error is not null, "expected HS0204; got: " + string.Join("\n", result.Diagnostics));
        Assert.Equal("templates/i18n/zh-Hans.json", error.File);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Ui_strings_are_read_as_written_a_byte_order_mark_and_a_repeated_key_included()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("\uFEFF{\"home\": \"首頁\", \"quote\": \"「\\u0022」\", \"home\": \"主頁\"}");
        var result = TemplateSet.Load([.. RepoTemplates.All.Where(f => f.Path != "i18n/zh-Hans.json"), new("i18n/zh-Hans.json", json)]);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == TemplateSet.StringsErrorCode);
        var strings = result.Value.Strings("zh-Hans")!;
        Assert.Equal(["home", "quote"], strings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("主頁", strings["home"] as string);
        Assert.Equal("「\"」", strings["quote"] as string);
    }
}
