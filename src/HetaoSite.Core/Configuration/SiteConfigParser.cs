using System.Globalization;
using HetaoSite.Core.Model;
using HetaoSite.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Core.Configuration;

/// <summary>
/// Turns the text of <c>site-config.yml</c> into a <see cref="SiteConfig"/>. Every problem becomes a diagnostic with
/// the file and line; unknown keys are warnings (a misspelt key should not pass silently).
/// </summary>
public static class SiteConfigParser
{
    private static readonly string[] TopLevelKeys = ["site", "window", "articles", "cleaning", "categories", "events", "limits", "zone"];

    public static StageResult<SiteConfig> Parse(string yaml, string file = "site-config.yml")
    {
        var parsed = SafeYaml.ParseMapping(yaml, file, 1, BuildLimits.Default.Yaml);
        if (parsed.Value is not { } root)
        {
            return new StageResult<SiteConfig>(SiteConfig.Default, parsed.Diagnostics);
        }

        var reader = new Reader(file);
        reader.WarnUnknownKeys(root, TopLevelKeys, string.Empty);
        var defaults = SiteConfig.Default;
        var config = new SiteConfig(
            root.GetMapping("site") is { } site ? reader.Site(site) : defaults.Site,
            root.GetMapping("window") is { } window ? reader.Window(window) : defaults.Window,
            root.GetMapping("articles") is { } articles ? reader.Articles(articles) : defaults.Articles,
            root.GetMapping("cleaning") is { } cleaning ? reader.Cleaning(cleaning) : defaults.Cleaning,
            root.Get("categories") is YamlSequenceNode categories ? reader.Categories(categories) : defaults.Categories,
            root.GetMapping("events") is { } events ? reader.Editorial(events) : defaults.Editorial,
            root.GetMapping("limits") is { } limits ? reader.Limits(limits) : defaults.Limits,
            root.Get("zone") is { } zone ? reader.Zone(zone) : null);
        return new StageResult<SiteConfig>(config, [.. parsed.Diagnostics, .. reader.Diagnostics]);
    }

    private sealed class Reader(string file)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        public SiteSettings Site(YamlMappingNode map)
        {
            WarnUnknownKeys(map, ["title", "description", "base_url", "base_path", "default_script", "order", "author", "build_date", "paginate", "feed_limit"], "site.");
            var d = SiteSettings.Default;
            var basePath = NormaliseBasePath(map.GetString("base_path") ?? d.BasePath);
            var order = map.GetString("order") ?? "oldest_first";
            if (order is not ("oldest_first" or "newest_first"))
            {
                Error("HS0003", $"site.order must be oldest_first or newest_first, not '{order}'", map.Get("order"));
            }

            return new SiteSettings(
                map.GetString("title") ?? d.Title,
                map.GetString("description") ?? d.Description,
                EnsureTrailingSlash(map.GetString("base_url") ?? d.BaseUrl),
                basePath,
                ScriptFrom(map.GetString("default_script"), map.Get("default_script")) ?? d.DefaultScript,
                order == "newest_first",
                map.GetString("author"),
                Date(map, "build_date") is { Precision: DatePrecision.Day } day ? day.FirstDay : null,
                Int(map, "paginate") ?? SiteSettings.DefaultPaginate,
                Int(map, "feed_limit") ?? SiteSettings.DefaultFeedLimit);
        }

        public TimelineWindow Window(YamlMappingNode map)
        {
            WarnUnknownKeys(map, ["from", "to"], "window.");
            var from = Int(map, "from") ?? 2017;
            var to = Int(map, "to") ?? 2025;
            if (from > to)
            {
                Error("HS0003", $"window.from ({from}) is after window.to ({to})", map);
            }

            return new TimelineWindow(from, to);
        }

        public IReadOnlyDictionary<string, ArticleOverride> Articles(YamlMappingNode map)
        {
            var result = new Dictionary<string, ArticleOverride>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = key.ToText();
                if (value is not YamlMappingNode entry)
                {
                    Error("HS0003", $"articles.{name} must be a mapping (published, title, outlet, url, corrections)", value);
                    continue;
                }

                WarnUnknownKeys(entry, ["published", "title", "outlet", "url", "corrections", .. Loading.ImageKeys.Names], $"articles.{name}.");
                var corrections = new List<TextCorrection>();
                if (entry.Get("corrections") is YamlSequenceNode seq)
                {
                    foreach (var item in seq.Children.OfType<YamlMappingNode>())
                    {
                        var find = item.Get("find") is YamlScalarNode f ? f.Value : null;
                        if (string.IsNullOrEmpty(find))
                        {
                            Error("HS0003", $"articles.{name}.corrections: each correction needs a non-empty 'find'", item);
                            continue;
                        }

                        corrections.Add(new TextCorrection(find, item.Get("replace") is YamlScalarNode r ? r.Value ?? string.Empty : string.Empty));
                    }
                }

                result[name] = new ArticleOverride(
                    Date(entry, "published"), entry.GetString("title"), entry.GetString("outlet"), entry.GetString("url"),
                    corrections, LineOf(key), Loading.ImageKeys.Read(entry, file, LineOf, Diagnostics));
            }

            return result;
        }

        public CleaningOptions Cleaning(YamlMappingNode map)
        {
            WarnUnknownKeys(map, ["boilerplate", "captions"], "cleaning.");
            return new CleaningOptions(Patterns(map, "boilerplate"), Patterns(map, "captions"));
        }

        public IReadOnlyList<CategoryRule> Categories(YamlSequenceNode seq)
        {
            var rules = new List<CategoryRule>();
            foreach (var item in seq.Children)
            {
                if (item is not YamlMappingNode map || map.GetString("id") is not { } id)
                {
                    Error("HS0003", "each category needs an id, a name and keywords", item);
                    continue;
                }

                WarnUnknownKeys(map, ["id", "name", "name_hans", "keywords", "requires"], "categories[].");
                var name = map.GetString("name") ?? id;
                var requires = map.Get("requires") is null ? null : map.GetStrings("requires");
                rules.Add(new CategoryRule(id, name, map.GetString("name_hans") ?? name, map.GetStrings("keywords"), requires));
            }

            return rules.Count > 0 ? rules : CategoryRule.Defaults;
        }

        public EditorialOptions Editorial(YamlMappingNode map)
        {
            WarnUnknownKeys(map, ["exclude", "corrections", "merge", "add", "keep"], "events.");
            var corrections = Items(map, "corrections", "events.corrections", item =>
                item.GetString("id") is { } id
                    ? new EventCorrection(id, Date(item, "date"), item.GetString("title"), item.GetString("category"), LineOf(item), Milestone(item))
                    : null);
            var merges = Items(map, "merge", "events.merge", item =>
                item.GetString("into") is { } into ? new EventMerge(into, item.GetStrings("from"), LineOf(item)) : null);
            var manual = Items(map, "add", "events.add", item =>
            {
                var date = Date(item, "date");
                var source = item.GetMapping("source");
                if (date is null || item.GetString("title") is not { } title || source?.GetString("file") is not { } sourceFile
                    || source.GetString("sentence") is not { } sentence)
                {
                    return null;
                }

                return new ManualEvent(date.Value, Date(item, "end"), title, item.GetString("category") ?? "policy", sourceFile, sentence, LineOf(item));
            });
            return new EditorialOptions(map.GetStrings("exclude"), corrections, merges, manual, Ids(map, "keep"));
        }

        /// <summary><c>milestone: true|false</c> of an event correction; null when absent (an error when not a boolean).</summary>
        private bool? Milestone(YamlMappingNode item)
        {
            if (item.Get("milestone") is not YamlScalarNode node)
            {
                return null;
            }

            if (bool.TryParse(node.Value, out var value))
            {
                return value;
            }

            Error("HS0003", $"events.corrections: milestone must be true or false, not '{node.Value}'", node);
            return null;
        }

        /// <summary><c>zone: {names, parks, places}</c>, each a list of non-empty names; at least one name in all.</summary>
        public ZoneGazetteer? Zone(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                Error("HS0003", "zone must be a mapping with names, parks and places (lists of names)", node);
                return null;
            }

            WarnUnknownKeys(map, ["names", "parks", "places"], "zone.");
            var gazetteer = new ZoneGazetteer(Names(map, "names"), Names(map, "parks"), Names(map, "places"));
            if (gazetteer.Names.Count + gazetteer.Parks.Count + gazetteer.Places.Count == 0)
            {
                Error("HS0003", "zone lists no name: give at least one under zone.names (or remove the section to turn the filter off)", map);
                return null;
            }

            return gazetteer;
        }

        // A list of names under zone.<key>: each a non-empty text of at least two characters (one character would match
        // almost every sentence).
        private List<string> Names(YamlMappingNode map, string key)
        {
            var names = new List<string>();
            switch (map.Get(key))
            {
                case null:
                    return names;
                case YamlSequenceNode seq:
                    foreach (var item in seq.Children)
                    {
                        if (item is YamlScalarNode { Value: { } value } && value.Trim().Length >= 2)
                        {
                            names.Add(value.Trim());
                        }
                        else
                        {
                            Error("HS0003", $"zone.{key}: each entry must be a name of at least two characters", item);
                        }
                    }

                    return names;
                case var other:
                    Error("HS0003", $"zone.{key} must be a list of names", other);
                    return names;
            }
        }

        // A list of event ids (e2024-3f9a1c2b7d): anything else is an error on its own line.
        private List<string> Ids(YamlMappingNode map, string key)
        {
            var ids = new List<string>();
            IEnumerable<YamlNode> items = map.Get(key) switch
            {
                null => [],
                YamlSequenceNode seq => seq.Children,
                var single => [single],
            };
            foreach (var item in items)
            {
                var id = item is YamlScalarNode scalar ? scalar.Value?.Trim() : null;
                if (id is not null && System.Text.RegularExpressions.Regex.IsMatch(id, "^[em][0-9]{4}-[0-9a-f]{10}(-[0-9]+)?$"))
                {
                    ids.Add(id);
                }
                else
                {
                    Error("HS0003", $"events.{key}: '{item.ToText()}' is not an event id (like e2024-3f9a1c2b7d, listed in data/report.json)", item);
                }
            }

            return ids;
        }

        public BuildLimits Limits(YamlMappingNode map)
        {
            WarnUnknownKeys(map, ["max_file_bytes", "max_html_depth", "max_dates_per_article", "max_seconds_per_article",
                "max_title_characters", "max_yaml_characters", "max_yaml_aliases"], "limits.");
            var d = BuildLimits.Default;
            return new BuildLimits(
                Int(map, "max_file_bytes") ?? d.MaxFileBytes,
                Int(map, "max_html_depth") ?? d.MaxHtmlDepth,
                Int(map, "max_dates_per_article") ?? d.MaxDatesPerArticle,
                Int(map, "max_seconds_per_article") ?? d.MaxSecondsPerArticle,
                Int(map, "max_title_characters") ?? d.MaxTitleCharacters,
                new YamlLimits(Int(map, "max_yaml_characters") ?? d.Yaml.MaxCharacters, Int(map, "max_yaml_aliases") ?? d.Yaml.MaxAliases, d.Yaml.MaxDepth));
        }

        public void WarnUnknownKeys(YamlMappingNode map, IReadOnlyCollection<string> known, string prefix)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = key.ToText();
                if (!known.Contains(name))
                {
                    Diagnostics.Add(Diagnostic.Warning("HS0004", $"unknown key '{prefix}{name}' is ignored", file, LineOf(key),
                        $"known keys here: {string.Join(", ", known)}"));
                }
            }
        }

        private List<T> Items<T>(YamlMappingNode map, string key, string path, Func<YamlMappingNode, T?> read)
            where T : class
        {
            var result = new List<T>();
            if (map.Get(key) is not YamlSequenceNode seq)
            {
                return result;
            }

            foreach (var item in seq.Children)
            {
                if (item is YamlMappingNode entry && read(entry) is { } value)
                {
                    result.Add(value);
                }
                else
                {
                    Error("HS0003", $"{path}: entry is incomplete or malformed (see README, 'events')", item);
                }
            }

            return result;
        }

        private IReadOnlyList<string> Patterns(YamlMappingNode map, string key)
        {
            var patterns = map.GetStrings(key);
            foreach (var pattern in patterns)
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                catch (ArgumentException ex)
                {
                    Error("HS0003", $"cleaning.{key}: '{pattern}' is not a valid regular expression: {ex.Message}", map.Get(key));
                }
            }

            return patterns;
        }

        private PartialDate? Date(YamlMappingNode map, string key)
        {
            if (map.GetString(key) is not { } text)
            {
                return null;
            }

            if (PartialDate.TryParse(text, out var date))
            {
                return date;
            }

            Error("HS0003", $"'{key}: {text}' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)", map.Get(key));
            return null;
        }

        private int? Int(YamlMappingNode map, string key)
        {
            if (map.GetString(key) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                return value;
            }

            Error("HS0003", $"'{key}: {text}' must be a whole number", map.Get(key));
            return null;
        }

        private Script? ScriptFrom(string? text, YamlNode? node)
        {
            switch (text?.ToLowerInvariant())
            {
                case null: return null;
                case "zh-hant" or "hant" or "traditional": return Script.Hant;
                case "zh-hans" or "hans" or "simplified": return Script.Hans;
                default:
                    Error("HS0003", $"default_script must be zh-Hant or zh-Hans, not '{text}'", node);
                    return null;
            }
        }

        private void Error(string code, string message, YamlNode? node) =>
            Diagnostics.Add(Diagnostic.Error(code, message, file, node is null ? null : LineOf(node)));

        private static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

        private static string EnsureTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";
    }

    /// <summary>"" or "/" → "/"; "repo" or "/repo" → "/repo/".</summary>
    public static string NormaliseBasePath(string basePath)
    {
        var trimmed = basePath.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }
}
