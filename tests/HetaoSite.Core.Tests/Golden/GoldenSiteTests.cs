using System.Text;
using System.Text.Json.Nodes;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Golden;

/// <summary>
/// Renders tiny whole sites from <c>Golden/&lt;case&gt;/input/site.json</c> with the repository's templates and the
/// fake converter, and compares every output file with <c>expected/</c>. Set <c>HETAO_UPDATE_GOLDEN=1</c> to rewrite
/// expected/ after an intended change; on a mismatch the output is written to <c>actual/</c> (git-ignored).
/// </summary>
public sealed class GoldenSiteTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        // A case is a folder with input/site.json (data-files/ belongs to DataFilesGoldenTests).
        foreach (var dir in Directory.EnumerateDirectories(GoldenRoot()).Where(d => File.Exists(Path.Combine(d, "input", "site.json")))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendered_site_matches_expected_files(string name)
    {
        var dir = Path.Combine(GoldenRoot(), name);
        var content = Load(File.ReadAllText(Path.Combine(dir, "input", "site.json")));
        var result = SiteRenderer.Render(content, RepoTemplates.All);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        // Static assets are copied from templates/static/ byte for byte: comparing them again here would only duplicate
        // them into expected/. What the golden files guard is what the templates render.
        var copied = RepoTemplates.All.Where(t => t.Path.StartsWith("static/", StringComparison.Ordinal))
            .Select(t => t.Path["static/".Length..]).ToHashSet(StringComparer.Ordinal);
        var actual = result.Value.Where(f => !copied.Contains(f.Path)).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var expectedDir = Path.Combine(dir, "expected");
        var actualDir = Path.Combine(dir, "actual");
        if (Environment.GetEnvironmentVariable("HETAO_UPDATE_GOLDEN") == "1")
        {
            Write(expectedDir, actual);
            return;
        }

        var expected = Directory.Exists(expectedDir)
            ? Directory.EnumerateFiles(expectedDir, "*", SearchOption.AllDirectories)
                .ToDictionary(p => Path.GetRelativePath(expectedDir, p).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal)
            : [];
        var difference = FirstDifference(expected, actual);
        if (difference is null)
        {
            if (Directory.Exists(actualDir))
            {
                Directory.Delete(actualDir, recursive: true);
            }

            return;
        }

        Write(actualDir, actual);
        Assert.Fail($"golden case '{name}': {difference}\nactual output written to {actualDir}; "
            + "if the change is intended, run with HETAO_UPDATE_GOLDEN=1 to rewrite expected/.");
    }

    private static string? FirstDifference(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual)
    {
        foreach (var path in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(path, out var got))
            {
                return $"expected file {path} was not rendered";
            }

            if (!expected.TryGetValue(path, out var want))
            {
                return $"unexpected file {path} was rendered";
            }

            if (want.AsSpan().SequenceEqual(got))
            {
                continue;
            }

            var wantLines = Encoding.UTF8.GetString(want).Split('\n');
            var gotLines = Encoding.UTF8.GetString(got).Split('\n');
            for (var i = 0; i < Math.Max(wantLines.Length, gotLines.Length); i++)
            {
                var w = i < wantLines.Length ? wantLines[i] : "<end of file>";
                var g = i < gotLines.Length ? gotLines[i] : "<end of file>";
                if (w != g)
                {
                    return $"{path} differs at line {i + 1}:\n  expected: {w}\n  actual:   {g}";
                }
            }

            return $"{path} differs in its bytes";
        }

        return null;
    }

    private static void Write(string root, IReadOnlyDictionary<string, byte[]> files)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }

    private static string GoldenRoot() => Path.Combine(RepositoryRoot.Path, "tests", "HetaoSite.Core.Tests", "Golden");

    /// <summary>site.json → SiteContent: articles split into sentences at 。, events citing (article, block, index).</summary>
    private static SiteContent Load(string json)
    {
        var root = JsonNode.Parse(json)!;
        var site = root["site"]!;
        var settings = SiteSettings.Default with
        {
            Title = (string)site["title"]!,
            Description = (string)site["description"]!,
            BaseUrl = (string)site["base_url"]!,
            BasePath = (string)site["base_path"]!,
            BuildDate = DateOnly.Parse((string)site["build_date"]!, System.Globalization.CultureInfo.InvariantCulture),
        };
        var articles = root["articles"]!.AsArray().Select(a => SampleSite.Article(
            (string)a!["id"]!, (string)a["file"]!, (string)a["title"]!, (string?)a["outlet"], (string?)a["url"],
            PartialDate.Parse((string)a["published"]!), (string)a["script"]! == "hans" ? Script.Hans : Script.Hant,
            a["blocks"]!.AsArray().Select((b, i) => new TextBlock((string)b!["text"]!, Kind((string)b["kind"]!), i + 1)).ToList())).ToList();
        var byId = articles.ToDictionary(a => a.Article.Id);
        var events = root["events"]!.AsArray().Select(e => new TimelineEvent(
            (string)e!["id"]!, PartialDate.Parse((string)e["date"]!), e["end"] is { } end ? PartialDate.Parse((string)end!) : null,
            (string)e["title"]!, (string)e["category"]!, (bool?)e["planned"] ?? false, (bool?)e["approximate"] ?? false,
            e["sources"]!.AsArray().Select(s =>
            {
                var article = byId[(string)s!["article"]!];
                var sentence = article.Sentences.Single(x => x.Block == (int)s["block"]! && x.Index == (int)s["index"]!);
                return new EventSource(article.Article.FileName, article.Article.Id, sentence.Text, (string)s["expression"]!, sentence.Anchor);
            }).ToList(), Milestone: (bool?)e["milestone"] ?? false)).ToList();
        return SampleSite.Content(new FakeScriptConverter(), articles: articles, events: events, settings: settings);
    }

    private static BlockKind Kind(string kind) => kind switch
    {
        "heading" => BlockKind.Heading,
        "caption" => BlockKind.Caption,
        "list_item" => BlockKind.ListItem,
        _ => BlockKind.Paragraph,
    };
}
