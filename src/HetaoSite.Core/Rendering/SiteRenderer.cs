using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Renders the whole site: every page in the default script at the root and, when a converter is present, again in
/// the other script under its prefix; feeds, sitemap, robots.txt, static files, the data files, the TimelineJS file
/// and the search index. Pages render in parallel, each in its own template context; the output is sorted by path.
/// </summary>
public static class SiteRenderer
{
    public const string RuntimeErrorCode = "HS0202";

    /// <summary>Enough for a home page of tens of thousands of events; Scriban's default of 1000 is not.</summary>
    public const int LoopLimit = 1_000_000;

    public const int RecursiveLimit = 64;

    internal static readonly string[] Required =
    [
        "layouts/base.scriban-html", "layouts/home.scriban-html", "layouts/year.scriban-html", "layouts/category.scriban-html",
        "layouts/article.scriban-html", "layouts/about.scriban-html", "layouts/sources.scriban-html", "layouts/404.scriban-html",
        "layouts/feed-events.scriban-xml", "layouts/feed-articles.scriban-xml", "layouts/sitemap-index.scriban-xml", "layouts/sitemap.scriban-xml",
        "layouts/robots.scriban-txt",
    ];

    public static StageResult<IReadOnlyList<OutputFile>> Render(SiteContent content, IReadOnlyList<TemplateFile> templates)
    {
        var timings = content.Context.Timings;
        var renditions = Rendition.For(content.Config.Site.DefaultScript, content.Context.Converter);
        var files = new List<OutputFile>();
        var loaded = TemplateSet.Load(templates);
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        var set = loaded.Value;
        foreach (var missing in Required.Where(path => !set.Has(path) && !loaded.Diagnostics.Any(d => d.File == "templates/" + path)))
        {
            diagnostics.Add(Diagnostic.Error(TemplateSet.MissingCode, $"template {missing} is missing", "templates/" + missing,
                hint: "restore it from the repository's templates/ folder"));
        }

        foreach (var rendition in renditions.Where(r => set.Strings(r.Lang) is null))
        {
            diagnostics.Add(Diagnostic.Error(TemplateSet.MissingCode, $"UI strings for {rendition.Lang} are missing",
                $"templates/i18n/{rendition.Lang}.json", hint: "add the file with the same keys as the other script's"));
        }

        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            files.AddRange(timings.Time("render: data files", () => DataFiles.Render(content)));
            return new StageResult<IReadOnlyList<OutputFile>>(SortByPath(files), diagnostics);
        }

        // The files under data/, one after the other (each is written in parallel inside), so that the buffers of one
        // serve the next instead of each touching new memory.
        var facts = timings.Time("render: facts", () => new SiteFacts(content));
        files.AddRange(timings.Time("render: data files", () => DataFiles.Render(content)));
        files.Add(timings.Time("render: timelinejs", () =>
            new OutputFile("data/timelinejs.json", TimelineJs.ToBytes(content, renditions[0]))));
        files.AddRange(timings.Time("render: search index", () => SearchIndex.Files(facts, renditions)));
        DataBuffers.Release();

        // The renderings share only read-only facts, so they are built side by side.
        var models = timings.Time("render: model", () =>
            renditions.AsParallel().AsOrdered().Select(r => new SiteModel(facts, r, set.Strings(r.Lang)!)).ToList());
        var jobs = models.SelectMany(m => m.Pages()).Concat(models[0].RootFiles(models)).ToList();
        // One renderer (template context and output buffer) per thread, reused from page to page.
        using var renderers = new ThreadLocal<PageRenderer>(() => new PageRenderer(set));
        var rendered = timings.Time("render: pages", () => jobs.AsParallel().Select(job => RenderPage(job, renderers, set)).ToList());
        foreach (var (file, error) in rendered)
        {
            if (error is not null)
            {
                diagnostics.Add(error);
            }
            else
            {
                files.Add(file!);
            }
        }

        files.AddRange(set.StaticFiles.Select(f => new OutputFile(f.Path, f.Content)));
        files.AddRange(content.Images.Select(image => new OutputFile(ArticleImage.HashedPath(image.Path, image.ContentHash), image.Bytes)));
        files.Add(new OutputFile(".nojekyll", []));
        var duplicates = files.GroupBy(f => f.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var path in duplicates)
        {
            diagnostics.Add(Diagnostic.Error(TemplateSet.MissingCode, $"two outputs would be written to {path}", $"templates/static/{path}",
                hint: "a static file must not have the path of a generated page or data file"));
        }

        return new StageResult<IReadOnlyList<OutputFile>>(SortByPath(files), diagnostics);
    }

    private static (OutputFile? File, Diagnostic? Error) RenderPage(PageJob job, ThreadLocal<PageRenderer> renderers, TemplateSet set)
    {
        try
        {
            return (new OutputFile(job.OutputPath, renderers.Value!.Render(job)), null);
        }
        catch (ScriptRuntimeException e)
        {
            var file = string.IsNullOrEmpty(e.Span.FileName) ? renderers.Value!.Current ?? job.Template : e.Span.FileName;
            // The failed page may have left the context half-way through a template: the next page on this thread gets a new one.
            renderers.Value = new PageRenderer(set);
            return (null, Diagnostic.Error(RuntimeErrorCode, $"{e.OriginalMessage} (rendering {job.OutputPath})", "templates/" + file,
                e.Span.Start.Line + 1, "check the names the template uses against docs/templates.md"));
        }
    }

    private static List<OutputFile> SortByPath(List<OutputFile> files) =>
        [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
}
