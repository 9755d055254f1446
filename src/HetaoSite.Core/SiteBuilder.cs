using HetaoSite.Core.Configuration;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core;

/// <summary>The whole build, in pipeline order. Pure: reads a <see cref="SiteSource"/>, returns files; writing is the caller's.</summary>
public static class SiteBuilder
{
    public static SiteBuild Build(SiteSource source, BuildContext context)
    {
        context = context with { Converter = Conversion.CachingScriptConverter.Wrap(context.Converter) };
        var timings = context.Timings;
        var config = timings.Time("config", () => WithOverrides(SiteConfigParser.Parse(source.ConfigText, source.ConfigFileName), context)); // Configure
        var articles = timings.Time("load+extract", () => ArticleProcessor.ProcessAll(source.Articles, config.Value, context)); // per article
        if (context.Converter is not null)
        {
            // Each article carries its texts converted (stored by the article cache): merge and render then convert only
            // what no article carries. A fresh cache, sized for them, replaces the one extraction filled.
            var seeded = timings.Time("remember conversions", () => ArticleScripts.Seeded(context.Converter, articles.Value));
            context = context with { Converter = seeded };
        }

        var timeline = timings.Time("merge", () => Timeline.TimelineBuilder.Build(articles.Value, config.Value, context.Converter));
        var found = SkipUnreadable(source.Diagnostics, context).Concat(config.Diagnostics).Concat(articles.Diagnostics).Concat(timeline.Diagnostics).ToList();
        var content = new SiteContent(config.Value, articles.Value, timeline, context) { Diagnostics = found };
        var files = timings.Time("render", () => SiteRenderer.Render(content, source.Templates));
        var diagnostics = found.Concat(files.Diagnostics).ToList();
        var skipped = articles.Diagnostics.Where(d => d.Code == ArticleProcessor.SkippedCode).Select(d => d.File!).Distinct().ToList();
        return new SiteBuild(config.Value, articles.Value, timeline, files.Value, diagnostics, skipped);
    }

    // --base-url (the address GitHub Pages reports) wins over site.base_url, so forks publish correct feeds and sitemaps.
    private static StageResult<SiteConfig> WithOverrides(StageResult<SiteConfig> config, BuildContext context) =>
        context.BaseUrlOverride is not { Length: > 0 } url ? config
            : config with { Value = config.Value with { Site = config.Value.Site with { BaseUrl = url.EndsWith('/') ? url : url + "/" } } };

    // Under --keep-going an article file that cannot even be read (a symlink leaving seeds/, an oversized or unreadable
    // file) is skipped like any other bad article.
    private static IEnumerable<Diagnostic> SkipUnreadable(IReadOnlyList<Diagnostic> diagnostics, BuildContext context) =>
        !context.KeepGoing ? diagnostics : diagnostics.Select(d => d.Severity == Severity.Error && d.Code is "HS0005" or "HS0006" or "HS0008"
            ? d with { Severity = Severity.Warning, Message = d.Message + " (skipped: --keep-going)" }
            : d);
}
