using HetaoSite.Core.Configuration;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Timeline;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core;

/// <summary>
/// The whole build, in pipeline order: read sources → process articles → merge → render → write. Each stage is a
/// function over immutable records; the article memo, the page store and the script converter come in through the
/// <see cref="BuildContext"/>, and the rendered files go to an <see cref="IOutputSink"/>: the output folder's
/// <see cref="OutputSession"/>, or memory. Every command that builds (build, serve, eval) calls <see cref="Build(SiteInputs, BuildContext, string?)"/>.
/// </summary>
public static class SiteBuilder
{
    /// <summary>
    /// Reads the site at <paramref name="inputs"/> and builds it. With an <paramref name="output"/> folder, each file is
    /// written there as it is rendered and the site is put in place only if the build has no errors (a failed build
    /// leaves the previous output as it was); without one, the files are kept in memory (<see cref="SiteBuild.Files"/>).
    /// </summary>
    public static SiteBuild Build(SiteInputs inputs, BuildContext context, string? output = null)
    {
        var timings = context.Timings;
        using var session = output is null ? null : SiteWriter.Open(output);
        // The sources go straight into the build, not into a local of this method, so that the articles' bytes can be
        // collected once they are processed.
        var build = session is null
            ? Build(timings.Time("read sources", () => SiteSourceReader.Read(inputs.Config, inputs.Seeds, inputs.Templates)), context)
            : Build(timings.Time("read sources", () => SiteSourceReader.Read(inputs.Config, inputs.Seeds, inputs.Templates)), context, session);
        if (session is null || build.HasErrors)
        {
            return build;
        }

        // The fragments do not depend on the output folder, so they are saved while the site is put in place.
        var fragments = context.Fragments is { } store
            ? Task.Factory.StartNew(() => timings.Time("save fragments", store.Save), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.FromResult(0);
        try
        {
            build = build with { Written = timings.Time("write", session.Commit) };
            timings.Time("save page records", () => context.Pages?.Save());
        }
        finally
        {
            // Waited for without throwing, so that a failure of the commit is the one reported.
            Task.WaitAny(fragments);
        }

        fragments.GetAwaiter().GetResult();
        return build;
    }

    /// <summary>The build in memory, from sources already read: every page rendered (no page store).</summary>
    public static SiteBuild Build(SiteSource source, BuildContext context)
    {
        var files = new MemoryOutput();
        return Build(source, context with { Pages = null, Fragments = null }, files) with { Files = files.Files };
    }

    /// <summary>
    /// The build from sources already read: configure → process articles → merge → render, each rendered file handed to
    /// <paramref name="output"/> as soon as it exists. With a page store in <paramref name="context"/>, a page unchanged
    /// since the last build is handed over as kept (<see cref="OutputFile.Kept"/>): <paramref name="output"/> must then
    /// write to the store's output folder.
    /// </summary>
    public static SiteBuild Build(SiteSource source, BuildContext context, IOutputSink output)
    {
        var merged = Merge(source, context);
        // Rendering needs nothing more of the sources than Merge kept, so the articles' bytes are not held meanwhile.
        var files = context.Timings.Time("render", () => SiteRenderer.Render(merged.Content, merged.Templates, output, merged.ConfigText));
        List<Diagnostic> diagnostics = [.. merged.Content.Diagnostics, .. files.Diagnostics];
        var content = merged.Content;
        return new SiteBuild(content.Config, content.Articles, content.Timeline, files.Value,
            context.Strict ? Diagnostic.WarningsAsErrors(diagnostics) : diagnostics, Skipped(merged.ArticleDiagnostics))
        {
            ArticleFiles = merged.ArticleFiles,
        };
    }

    /// <summary>What rendering starts from: the merged site, and what it still needs of the sources.</summary>
    private sealed record Merged(SiteContent Content, IReadOnlyList<Diagnostic> ArticleDiagnostics, IReadOnlyList<TemplateFile> Templates,
        string ConfigText, IReadOnlyList<string> ArticleFiles);

    /// <summary>Configure → process articles → resolve images → merge.</summary>
    private static Merged Merge(SiteSource source, BuildContext context)
    {
        var timings = context.Timings;
        var config = timings.Time("config", () => Configure(source, context));
        var processed = timings.Time("process articles", () => ArticleProcessor.ProcessAll(source.Articles, config.Value, context));
        var images = timings.Time("images", () => Extraction.ImageResolver.Resolve(processed.Value, source.Images));
        var articles = new StageResult<IReadOnlyList<ArticleExtraction>>(images.Value.Articles, [.. processed.Diagnostics, .. images.Diagnostics]);
        var converter = timings.Time("remember conversions", () => ArticleScripts.Seeded(context.Converter, articles.Value));
        var timeline = timings.Time("merge", () => TimelineBuilder.Build(articles.Value, config.Value, converter));
        List<Diagnostic> found = [.. SkipUnreadable(source.Diagnostics, context), .. config.Diagnostics, .. articles.Diagnostics, .. timeline.Diagnostics];
        var content = new SiteContent(config.Value, articles.Value, timeline, context with { Converter = converter }) { Diagnostics = found, Images = images.Value.Used };
        return new Merged(content, articles.Diagnostics, source.Templates, source.ConfigText, [.. source.Articles.Select(a => a.FileName)]);
    }

    // --base-url (the address GitHub Pages reports) wins over site.base_url, so forks publish correct feeds and sitemaps.
    private static StageResult<SiteConfig> Configure(SiteSource source, BuildContext context)
    {
        var config = SiteConfigParser.Parse(source.ConfigText, source.ConfigFileName);
        return context.BaseUrlOverride is not { Length: > 0 } url ? config
            : config with { Value = config.Value with { Site = config.Value.Site with { BaseUrl = url.EndsWith('/') ? url : url + "/" } } };
    }

    // Under --keep-going an article file that cannot even be read (a symlink leaving seeds/, an oversized or unreadable
    // file) is skipped like any other bad article.
    private static IEnumerable<Diagnostic> SkipUnreadable(IReadOnlyList<Diagnostic> diagnostics, BuildContext context) =>
        !context.KeepGoing ? diagnostics : diagnostics.Select(d => d.Severity == Severity.Error && d.Code is "HS0005" or "HS0006" or "HS0008"
            ? d with { Severity = Severity.Warning, Message = d.Message + " (skipped: --keep-going)" }
            : d);

    private static List<string> Skipped(IReadOnlyList<Diagnostic> articleDiagnostics) =>
        articleDiagnostics.Where(d => d.Code == ArticleProcessor.SkippedCode).Select(d => d.File!).Distinct().ToList();
}
