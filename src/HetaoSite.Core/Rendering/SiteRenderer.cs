using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Renders the whole site: every page in the default script at the root and, when a converter is present, again in
/// the other script under its prefix; feeds, sitemap, robots.txt, static files, the data files, the TimelineJS file
/// and the search index. Pages render in parallel, each in its own template context. Each file goes to the output sink
/// as soon as it is rendered, so the site is never held in memory as a whole; the renderer keeps only the paths.
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

    /// <summary>Renders the site in memory: its files, sorted by path.</summary>
    public static StageResult<IReadOnlyList<OutputFile>> Render(SiteContent content, IReadOnlyList<TemplateFile> templates)
    {
        var files = new MemoryOutput();
        var diagnostics = Render(content, templates, files).Diagnostics;
        return new StageResult<IReadOnlyList<OutputFile>>(files.Files, diagnostics);
    }

    /// <summary>Renders the site into <paramref name="output"/>; returns the paths of the files, sorted.</summary>
    /// <param name="configText">The text of <c>site-config.yml</c>: with it, pages the context's <see cref="IPageStore"/>
    /// shows unchanged are handed to <paramref name="output"/> as kept instead of rendered; without it, or without a
    /// store, every page is rendered.</param>
    public static StageResult<IReadOnlyList<string>> Render(SiteContent content, IReadOnlyList<TemplateFile> templates, IOutputSink output, string? configText = null)
    {
        var timings = content.Context.Timings;
        var renditions = Rendition.For(content.Config.Site.DefaultScript, content.Context.Converter);
        var files = new Output(output);
        var loaded = timings.Time("render: templates", () => TemplateSet.Load(templates));
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
            return new StageResult<IReadOnlyList<string>>(files.Paths(), diagnostics);
        }

        var facts = timings.Time("render: facts", () => new SiteFacts(content));
        // The files under data/ need only the facts, so they are made while the models are built and the pages render,
        // which would otherwise leave a core idle while they are made. They are made one after the other (each in
        // parallel inside), so that the buffers of one serve the next instead of each touching new memory. They run on a
        // thread of their own, not a pool thread: each parallel query needs a pool thread beside the thread that runs it,
        // and on two cores the pool starts with two, so taking one here would leave a query waiting for the pool to add
        // another, which it does only every half second.
        var dataFiles = Task.Factory.StartNew(() =>
        {
            files.AddRange(timings.Time("render: data files", () => DataFiles.Render(content, facts.ReportLines)));
            files.Add(timings.Time("render: timelinejs", () =>
                new OutputFile("data/timelinejs.json", TimelineJs.ToBytes(content, renditions[0]))));
            files.AddRange(timings.Time("render: search index", () => SearchIndex.Files(facts, renditions)));
            DataBuffers.Release();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            var reuse = configText is not null && content.Context.Pages is { } store ? new Reuse(store, BuildKey(content.Context, templates, configText)) : null;
            var fragments = reuse is not null && content.Context.Fragments is { } kept ? new FragmentCache(kept, reuse.BuildKey, reuse.Reads) : null;
            // The renderings share only read-only facts, so they are built side by side, globals included: built by the
            // first page of each rendering instead, they would keep every other thread waiting.
            var models = timings.Time("render: model", () => renditions.AsParallel().AsOrdered().Select(r =>
            {
                var model = new SiteModel(facts, r, set.Strings(r.Lang)!, fragments);
                _ = model.Globals;
                return model;
            }).ToList());
            var jobs = timings.Time("render: jobs", () => models.SelectMany(m => m.Pages()).Concat(models[0].RootFiles(models)).ToList());
            // One renderer (template context and output buffer) per thread, reused from page to page.
            using var renderers = new ThreadLocal<PageRenderer>(() => new PageRenderer(set));
            // Handed out in small chunks as threads ask for them, not as one fixed range per thread: pages differ in cost
            // (a year page shows thousands of cards), and with fixed ranges one thread can be left alone with the last ones.
            var errors = timings.Time("render: pages", () => Partitioner.Create(jobs, loadBalance: true).AsParallel().Select(job => RenderPage(job, renderers, set, files, reuse)).OfType<Diagnostic>().ToList());
            diagnostics.AddRange(errors);
        }
        finally
        {
            // Not left writing into the output once rendering has failed: waited for without throwing, so that a failure
            // of the pages is the one reported.
            Task.WaitAny(dataFiles);
        }

        dataFiles.GetAwaiter().GetResult();

        files.AddRange(set.StaticFiles.Select(f => new OutputFile(f.Path, f.Content)));
        files.AddRange(content.Images.Select(image => new OutputFile(ArticleImage.HashedPath(image.Path, image.ContentHash), image.Bytes)));
        files.Add(new OutputFile(".nojekyll", []));
        var paths = files.Paths();
        var duplicates = paths.Where((path, i) => i > 0 && paths[i - 1] == path).Distinct().ToList();
        foreach (var path in duplicates)
        {
            diagnostics.Add(Diagnostic.Error(TemplateSet.MissingCode, $"two outputs would be written to {path}", $"templates/static/{path}",
                hint: "a static file must not have the path of a generated page or data file"));
        }

        return new StageResult<IReadOnlyList<string>>(paths, diagnostics);
    }

    /// <summary>
    /// Renders one page into <paramref name="files"/>, or with <paramref name="reuse"/> keeps it when it is unchanged
    /// since the last build (its key, its page object and what it read then); returns the error that stopped it, if any.
    /// </summary>
    private static Diagnostic? RenderPage(PageJob job, ThreadLocal<PageRenderer> renderers, TemplateSet set, Output files, Reuse? reuse)
    {
        ReadOnlySpan<byte> bytes;
        try
        {
            var page = job.Page();
            if (reuse is null)
            {
                bytes = renderers.Value!.Render(job, page, traced: false);
            }
            else
            {
                var hasher = job.Model.Hasher;
                var key = reuse.KeyOf(job);
                var pageHash = hasher.Of(page);
                if (reuse.Store.Find(job.OutputPath) is { } record && record.Key == key && record.Page == pageHash
                    && hasher.AtRecordedPaths(record.Reads) == record.ReadsHash && reuse.Store.HasOutput(record))
                {
                    reuse.Store.Reused(record);
                    files.Add(OutputFile.Kept(job.OutputPath));
                    return null;
                }

                using var trace = new PageTrace();
                using (trace.Begin())
                {
                    bytes = renderers.Value!.Render(job, page, traced: true);
                }

                var reads = trace.IsVolatile ? null : reuse.Reads.Of(trace.SortedIds());
                reuse.Store.Rendered(reads is null ? null
                    : new PageRecord(job.OutputPath, key, pageHash, reads, hasher.AtRecordedPaths(reads), bytes.Length, PageRecord.HashOf(bytes)));
            }
        }
        catch (ScriptRuntimeException e)
        {
            var file = string.IsNullOrEmpty(e.Span.FileName) ? renderers.Value!.Current ?? job.Template : e.Span.FileName;
            // The failed page may have left the context half-way through a template: the next page on this thread gets a new one.
            renderers.Value = new PageRenderer(set);
            return Diagnostic.Error(RuntimeErrorCode, $"{e.OriginalMessage} (rendering {job.OutputPath})", "templates/" + file,
                e.Span.Start.Line + 1, "check the names the template uses against docs/templates.md");
        }

        files.Add(job.OutputPath, bytes);
        return null;
    }

    /// <summary>
    /// Everything a page depends on besides its <c>page</c> object and what it reads from the globals: the engine, the
    /// templates, UI strings and static files, the configuration's text, the command line's base path and URL, and the
    /// script converter (the C# template functions read only their arguments, the configuration and the globals).
    /// </summary>
    private static string BuildKey(BuildContext context, IReadOnlyList<TemplateFile> templates, string configText)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text ?? "\u0000"));
            hash.AppendData([0xff]);
        }

        Add(BuildContext.EngineVersion);
        Add(configText);
        Add(context.BasePathOverride);
        Add(context.BaseUrlOverride);
        Add(context.Converter?.Identity);
        foreach (var file in templates.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            Add(file.Path);
            hash.AppendData(SHA256.HashData(file.Content));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The page store and this build's key. A page's key adds its script, template and layout (its record is found by
    /// its output path), so the pages share a few keys, each computed once.
    /// </summary>
    private sealed class Reuse(IPageStore store, string buildKey)
    {
        private readonly ConcurrentDictionary<(string Lang, string Template, string? Layout), string> _keys = new();

        public IPageStore Store => store;

        public string BuildKey => buildKey;

        /// <summary>The lists of paths the pages of this build read, shared by the records that read the same.</summary>
        public ReadLists Reads { get; } = new();

        public string KeyOf(PageJob job) => _keys.GetOrAdd((job.Model.Rendition.Lang, job.Template, job.Layout), static (page, buildKey) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0000', buildKey, page.Lang, page.Template, page.Layout ?? string.Empty)))), buildKey);
    }

    /// <summary>The sink the files go to, and the paths that went (for the duplicate check and the build's summary).</summary>
    private sealed class Output(IOutputSink sink)
    {
        private readonly List<string> _paths = [];
        private readonly Lock _lock = new();

        public void Add(OutputFile file)
        {
            Note(file.Path);
            sink.Add(file);
        }

        /// <summary>Hands on a file whose bytes are lent for the call (see <see cref="IOutputSink.Add(string, ReadOnlySpan{byte})"/>).</summary>
        public void Add(string path, ReadOnlySpan<byte> content)
        {
            Note(path);
            sink.Add(path, content);
        }

        private void Note(string path)
        {
            lock (_lock)
            {
                _paths.Add(path);
            }
        }

        public void AddRange(IEnumerable<OutputFile> files)
        {
            foreach (var file in files)
            {
                Add(file);
            }
        }

        /// <summary>Every path received, sorted; a path received twice appears twice.</summary>
        public List<string> Paths()
        {
            lock (_lock)
            {
                return [.. _paths.Order(StringComparer.Ordinal)];
            }
        }
    }
}
