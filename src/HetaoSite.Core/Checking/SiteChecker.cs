using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Checking;

/// <summary>
/// Validates a built site, given as its files: every internal link and anchor of every HTML page, base-path use,
/// feed and sitemap XML (well-formed, URLs absolute under <c>base_url</c>), JSON files, and article pages that show
/// no event. Pure: the CLI reads the folder, this only looks at bytes.
/// </summary>
/// <example>
/// On a site served under <c>/hetao-site/</c>, a page <c>events/index.html</c> linking to
/// <c>/years/2024/#e2024-01</c> gets HS0302 (outside the base path); linking to <c>../years/2023/#河套</c> gets HS0301
/// when <c>years/2023/index.html</c> does not exist, or HS0304 when it has no element with <c>id="河套"</c>.
/// </example>
public static partial class SiteChecker
{
    public const string BrokenLink = "HS0301";
    public const string BasePathViolation = "HS0302";
    public const string InvalidXml = "HS0303";
    public const string MissingAnchor = "HS0304";
    public const string PageWithoutEvents = "HS0305";
    public const string UrlOutsideSite = "HS0306";
    public const string InvalidJson = "HS0307";

    public static StageResult<CheckSummary> Check(IReadOnlyList<OutputFile> files, SiteCheckOptions options)
    {
        var run = new Run(files, options);
        return run.Execute();
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    private sealed class Run
    {
        // A fake origin to resolve relative URLs with System.Uri; only its path and fragment are used.
        private const string Origin = "http://site.invalid";

        private readonly Dictionary<string, OutputFile> _files;
        private readonly SiteCheckOptions _options;
        private readonly string _basePath;
        private readonly HtmlParser _parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });
        private readonly Dictionary<string, IDocument> _documents = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);
        private readonly List<Diagnostic> _diagnostics = [];
        private int _pages;
        private int _links;

        public Run(IReadOnlyList<OutputFile> files, SiteCheckOptions options)
        {
            _files = new Dictionary<string, OutputFile>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                _files[file.Path.Replace('\\', '/')] = file;
            }

            _options = options;
            _basePath = SiteConfigParser.NormaliseBasePath(options.BasePath);
        }

        public StageResult<CheckSummary> Execute()
        {
            foreach (var path in _files.Keys.Order(StringComparer.Ordinal).ToList())
            {
                switch (Extension(path))
                {
                    case ".html" or ".htm":
                        CheckPage(path);
                        break;
                    case ".xml":
                        CheckXml(path);
                        break;
                    case ".json" or ".webmanifest":
                        CheckJson(path);
                        break;
                }
            }

            return new StageResult<CheckSummary>(new CheckSummary(_files.Count, _pages, _links), _diagnostics);
        }

        private void CheckPage(string path)
        {
            _pages++;
            var document = Document(path);
            foreach (var element in document.QuerySelectorAll("[href], [src], [srcset], [poster]"))
            {
                var line = element.SourceReference?.Position.Line;
                foreach (var url in Urls(element))
                {
                    CheckLink(path, line, url, fromFeed: false);
                }
            }

            if (_options.ArticlePages.IsMatch(path) && document.QuerySelector(_options.EventSelector) is null)
            {
                _diagnostics.Add(Diagnostic.Warning(PageWithoutEvents, "article page shows no event", path,
                    hint: "the article yielded no dated statement; check data/report.json for what was dropped"));
            }
        }

        private static IEnumerable<string> Urls(IElement element)
        {
            foreach (var name in (string[])["href", "src", "poster"])
            {
                if (element.GetAttribute(name) is { } value)
                {
                    yield return value;
                }
            }

            if (element.GetAttribute("srcset") is { } srcset)
            {
                foreach (var candidate in srcset.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return candidate.Split(' ', 2)[0];
                }
            }
        }

        private void CheckLink(string fromPath, int? line, string url, bool fromFeed)
        {
            var raw = url.Trim();
            if (raw.Length == 0)
            {
                return;
            }

            if (Scheme().IsMatch(raw))
            {
                var underBaseUrl = _options.BaseUrl is { } baseUrl && raw.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase);
                if (fromFeed && !underBaseUrl)
                {
                    _diagnostics.Add(Diagnostic.Error(UrlOutsideSite, $"'{raw}' is not under base_url {_options.BaseUrl}", fromPath, line,
                        "feeds and the sitemap must use absolute URLs of the published site (site.base_url)"));
                    return;
                }

                if (!underBaseUrl)
                {
                    return; // an external link (https:, mailto:, …) is not this site's to check
                }

                raw = _basePath + raw[_options.BaseUrl!.Length..];
            }
            else if (fromFeed)
            {
                _diagnostics.Add(Diagnostic.Error(UrlOutsideSite, $"'{raw}' is not an absolute URL", fromPath, line,
                    "feeds and the sitemap must use absolute URLs of the published site (site.base_url)"));
                return;
            }
            else if (raw.StartsWith("//", StringComparison.Ordinal))
            {
                return; // protocol-relative: another host
            }

            if (raw.StartsWith('/') && !raw.StartsWith(_basePath, StringComparison.Ordinal) && raw != _basePath.TrimEnd('/'))
            {
                _diagnostics.Add(Diagnostic.Error(BasePathViolation, $"link '{url.Trim()}' does not start with the base path {_basePath}", fromPath, line,
                    "build links from the site's base path (base_path / --base-path) so they work on GitHub Pages"));
                return;
            }

            var pageUri = new Uri(Origin + _basePath + Uri.EscapeDataString(fromPath).Replace("%2F", "/", StringComparison.Ordinal));
            if (!Uri.TryCreate(pageUri, raw, out var resolved) || !string.Equals(resolved.Host, "site.invalid", StringComparison.Ordinal))
            {
                _diagnostics.Add(Diagnostic.Error(BrokenLink, $"link '{url.Trim()}' is not a valid URL", fromPath, line));
                return;
            }

            _links++;
            var path = Uri.UnescapeDataString(resolved.AbsolutePath);
            if (!path.StartsWith(_basePath, StringComparison.Ordinal))
            {
                _diagnostics.Add(Diagnostic.Error(BasePathViolation, $"link '{url.Trim()}' leads out of the base path {_basePath} (to {path})", fromPath, line));
                return;
            }

            var target = Target(path[_basePath.Length..]);
            if (target is null)
            {
                _diagnostics.Add(Diagnostic.Error(BrokenLink, $"broken link '{url.Trim()}': no file {path}", fromPath, line));
                return;
            }

            var fragment = resolved.Fragment.Length > 1 ? Uri.UnescapeDataString(resolved.Fragment[1..]) : string.Empty;
            if (fragment.Length == 0 || fragment.Equals("top", StringComparison.OrdinalIgnoreCase) || Extension(target) is not (".html" or ".htm"))
            {
                return;
            }

            if (!Anchors(target).Contains(fragment))
            {
                _diagnostics.Add(Diagnostic.Error(MissingAnchor, $"link '{url.Trim()}': {target} has no element with id \"{fragment}\"", fromPath, line));
            }
        }

        /// <summary>The file a site-relative path is served from, as a static host does: "x/" and "x" both find "x/index.html".</summary>
        private string? Target(string relative)
        {
            if (relative.Length == 0 || relative.EndsWith('/'))
            {
                relative += "index.html";
            }

            if (_files.ContainsKey(relative))
            {
                return relative;
            }

            var index = relative + "/index.html";
            return _files.ContainsKey(index) ? index : null;
        }

        private HashSet<string> Anchors(string path)
        {
            if (!_anchors.TryGetValue(path, out var anchors))
            {
                var document = Document(path);
                anchors = new HashSet<string>(StringComparer.Ordinal);
                foreach (var element in document.QuerySelectorAll("[id]"))
                {
                    anchors.Add(element.Id!);
                }

                foreach (var element in document.QuerySelectorAll("a[name]"))
                {
                    anchors.Add(element.GetAttribute("name")!);
                }

                _anchors[path] = anchors;
            }

            return anchors;
        }

        private IDocument Document(string path)
        {
            if (!_documents.TryGetValue(path, out var document))
            {
                document = _parser.ParseDocument(Encoding.UTF8.GetString(_files[path].Content));
                _documents[path] = document;
            }

            return document;
        }

        private void CheckXml(string path)
        {
            XDocument document;
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 256L * 1024 * 1024 };
                using var stream = new MemoryStream(_files[path].Content, writable: false);
                using var reader = XmlReader.Create(stream, settings);
                document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException ex)
            {
                _diagnostics.Add(Diagnostic.Error(InvalidXml, $"invalid XML: {ex.Message}", path, ex.LineNumber > 0 ? ex.LineNumber : null));
                return;
            }

            var root = document.Root!;
            var urls = root.Name.LocalName switch
            {
                "urlset" or "sitemapindex" => root.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => (e, e.Value)),
                "feed" or "rss" => FeedLinks(root),
                _ => [],
            };
            foreach (var (element, url) in urls)
            {
                CheckLink(path, ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : null, url, fromFeed: true);
            }
        }

        /// <summary>Atom <c>link</c>s to this site (self, alternate) and RSS channel and item links.</summary>
        private static IEnumerable<(XElement Element, string Url)> FeedLinks(XElement root)
        {
            foreach (var link in root.Descendants().Where(e => e.Name.LocalName == "link"))
            {
                if (link.Attribute("href") is { } href)
                {
                    if (link.Attribute("rel")?.Value is null or "alternate" or "self")
                    {
                        yield return (link, href.Value);
                    }
                }
                else if (link.Value.Trim() is { Length: > 0 } text)
                {
                    yield return (link, text);
                }
            }
        }

        private void CheckJson(string path)
        {
            try
            {
                using var document = JsonDocument.Parse(_files[path].Content, new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException ex)
            {
                _diagnostics.Add(Diagnostic.Error(InvalidJson, $"invalid JSON: {ex.Message}", path, ex.LineNumber is { } n ? (int)n + 1 : null));
            }
        }

        private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
    }
}
