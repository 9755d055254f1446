using Microsoft.Playwright;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>What every browser test does with a page: collect its script errors and CSP violations, and fail on them when it closes.</summary>
public static class BrowserPage
{
    /// <summary>The script errors and console errors (CSP violations among them) <paramref name="page"/> logs from now on.</summary>
    public static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        return errors;
    }

    /// <summary>Closes the page's context; fails if the page logged an error.</summary>
    public static async Task CloseAsync(IPage page, List<string> errors)
    {
        var url = page.Url;
        await page.Context.CloseAsync();
        Assert.True(errors.Count == 0, $"{url}: console errors:\n{string.Join("\n", errors)}");
    }
}
