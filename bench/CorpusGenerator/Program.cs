using System.Globalization;
using HetaoSite.Bench;

// corpus-generator --count N --out SITE [--first I] [--hugo HUGO_SITE] [--dates-in-config yes] [--density seeds|dense] [--rereports PERCENT]
// Writes articles I..I+N-1 (each from its own seeded Random, so article k is the same whatever N is) into SITE/seeds,
// a site-config.yml into SITE when it has none, and the same articles as plain Markdown into HUGO_SITE/content/posts.
// --dates-in-config also appends "articles: <file>: {published: …}" to the config, for pipelines that cannot yet read
// dates from front matter, bylines or HTML meta (the config's 256 KB limit allows about 5,000 articles).
// --density seeds (default) matches the real seeds' dated sentences per 1,000 characters; dense is the stress corpus
// with about five times as many (see Density). --rereports overrides the density's share of re-reported developments.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

if (!options.TryGetValue("count", out var countText) || !options.TryGetValue("out", out var site))
{
    Console.Error.WriteLine("usage: corpus-generator --count N --out SITE [--first I] [--hugo HUGO_SITE] [--dates-in-config yes] [--density seeds|dense] [--rereports PERCENT]");
    return 2;
}

if (Density.Named(options.GetValueOrDefault("density", "seeds")) is not { } density)
{
    Console.Error.WriteLine($"corpus-generator: unknown --density '{options["density"]}' (seeds or dense)");
    return 2;
}

if (options.TryGetValue("rereports", out var rereports))
{
    density = density with { ReReportPercent = int.Parse(rereports, CultureInfo.InvariantCulture) };
}

var count = int.Parse(countText, CultureInfo.InvariantCulture);
var first = options.TryGetValue("first", out var firstText) ? int.Parse(firstText, CultureInfo.InvariantCulture) : 0;
options.TryGetValue("hugo", out var hugo);

var seeds = Path.Combine(site, "seeds");
Directory.CreateDirectory(seeds);
var config = Path.Combine(site, "site-config.yml");
if (!File.Exists(config))
{
    File.WriteAllText(config, ArticleGenerator.SiteConfig);
}

var datesInConfig = options.TryGetValue("dates-in-config", out var datesText) && datesText is "yes" or "true" or "1";
if (datesInConfig && !File.ReadAllText(config).Contains("\narticles:", StringComparison.Ordinal))
{
    File.AppendAllText(config, "articles:\n");
}

if (hugo is not null)
{
    Directory.CreateDirectory(Path.Combine(hugo, "content", "posts"));
}

long characters = 0;
for (var index = first; index < first + count; index++)
{
    var article = ArticleGenerator.Generate(index, density);
    File.WriteAllText(Path.Combine(seeds, article.FileName), article.Source);
    characters += article.BodyCharacters;
    if (datesInConfig)
    {
        File.AppendAllText(config, $"  {article.FileName}: {{published: {article.Published:yyyy-MM-dd}}}\n");
    }

    if (hugo is not null)
    {
        File.WriteAllText(Path.Combine(hugo, "content", "posts", $"{index:D6}.md"), article.HugoMarkdown);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} articles ({characters / Math.Max(1, count)} characters of body each on average; density {density.Name}, {density.DatedPercent} % of sentences dated, {density.ReReportPercent} % of those re-reports) in {seeds}"));
return 0;
