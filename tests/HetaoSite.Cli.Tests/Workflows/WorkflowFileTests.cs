using System.Text.RegularExpressions;
using HetaoSite.Cli.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Cli.Tests.Workflows;

/// <summary>The GitHub workflows say what docs/publishing.md promises: triggers, permissions, pinned actions, base path.</summary>
public partial class WorkflowFileTests
{
    private static readonly string Folder = Path.Combine(TempSite.RepositoryRoot, ".github", "workflows");

    // owner/repo[/path]@<40 hex> # vN[.N[.N]]
    [GeneratedRegex(@"^\s*(-\s+)?uses:\s+(?<action>[\w.-]+/[\w.-]+(/[\w./-]+)?)@(?<sha>[0-9a-f]{40})\s+#\s+(?<version>v\d+(\.\d+){0,2})\s*$")]
    private static partial Regex PinnedUses();

    [GeneratedRegex(@"^\s*(-\s+)?uses:")]
    private static partial Regex AnyUses();

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, name));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var map = Assert.IsType<YamlMappingNode>(node);
            Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var next), $"expected key '{key}' in the workflow, found: {string.Join(", ", map.Children.Keys)}");
            node = next!;
        }

        return node;
    }

    private static string Text(YamlNode node, params string[] keys) => ((YamlScalarNode)At(node, keys)).Value ?? string.Empty;

    private static bool Has(YamlNode node, string key) => node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    private static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)At(workflow, "jobs", job, "steps")).Children.Cast<YamlMappingNode>().ToList();

    private static YamlMappingNode StepUsing(IReadOnlyList<YamlMappingNode> steps, string action) =>
        steps.SingleOrDefault(s => Has(s, "uses") && Text(s, "uses").StartsWith(action + "@", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"expected a step that uses {action}; steps use: {string.Join(", ", steps.Where(s => Has(s, "uses")).Select(s => Text(s, "uses")))}");

    private static YamlMappingNode CacheOf(IReadOnlyList<YamlMappingNode> steps, string path) =>
        steps.SingleOrDefault(s => Has(s, "uses") && Text(s, "uses").StartsWith("actions/cache@", StringComparison.Ordinal) && Text(s, "with", "path") == path)
        ?? throw new Xunit.Sdk.XunitException($"expected an actions/cache step with path {path}");

    private static YamlMappingNode BuildStep(IReadOnlyList<YamlMappingNode> steps) =>
        steps.SingleOrDefault(s => Has(s, "run") && Regex.IsMatch(Text(s, "run"), @"/hetao"" build "))
        ?? throw new Xunit.Sdk.XunitException("expected one step that runs the published hetao build");

    private static IEnumerable<string> Runs(IReadOnlyList<YamlMappingNode> steps) => steps.Where(s => Has(s, "run")).Select(s => Text(s, "run"));

    [Fact]
    public void Pages_runs_on_pushes_to_main_that_change_the_site_and_by_hand()
    {
        var on = At(Load("pages.yml"), "on");

        Assert.Equal(["main"], ((YamlSequenceNode)At(on, "push", "branches")).Children.Select(n => n.ToString()));
        var paths = ((YamlSequenceNode)At(on, "push", "paths")).Children.Select(n => n.ToString()).ToList();
        Assert.Equal(["seeds/**", "templates/**", "site-config.yml", "src/**", "Directory.*.props", "global.json", ".github/workflows/pages.yml"], paths);
        Assert.True(Has(on, "workflow_dispatch"), "expected workflow_dispatch so a maintainer can republish by hand");
    }

    [Fact]
    public void Pages_has_the_permissions_and_the_uncancelled_concurrency_group_of_a_pages_deployment()
    {
        var workflow = Load("pages.yml");

        Assert.Equal(("read", "write", "write"), (Text(workflow, "permissions", "contents"), Text(workflow, "permissions", "pages"), Text(workflow, "permissions", "id-token")));
        Assert.Equal(3, ((YamlMappingNode)At(workflow, "permissions")).Children.Count);
        Assert.Equal(("pages", "false"), (Text(workflow, "concurrency", "group"), Text(workflow, "concurrency", "cancel-in-progress")));
    }

    [Fact]
    public void Pages_build_sets_up_dotnet_from_global_json_and_caches_nuget_on_the_package_versions()
    {
        var steps = Steps(Load("pages.yml"), "build");

        Assert.Equal("global.json", Text(StepUsing(steps, "actions/setup-dotnet"), "with", "global-json-file"));
        var cache = CacheOf(steps, "~/.nuget/packages");
        Assert.Contains("hashFiles('Directory.Packages.props')", Text(cache, "with", "key"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_restores_the_build_cache_before_building_and_saves_it_under_a_new_key_each_run()
    {
        var steps = Steps(Load("pages.yml"), "build");
        var cache = CacheOf(steps, ".hetao-cache");
        var build = BuildStep(steps);

        Assert.True(steps.ToList().IndexOf(cache) < steps.ToList().IndexOf(build), "expected the build cache restored before the build");
        Assert.Contains("${{ github.run_id }}", Text(cache, "with", "key"), StringComparison.Ordinal);
        var restoreKey = Text(cache, "with", "restore-keys").Trim();
        Assert.True(Text(cache, "with", "key").StartsWith(restoreKey, StringComparison.Ordinal),
            $"expected the restore key '{restoreKey}' to be a prefix of the key '{Text(cache, "with", "key")}'");
    }

    [Fact]
    public void Pages_builds_and_checks_with_the_generator_it_compiled_ahead_of_time_for_the_runner()
    {
        var steps = Steps(Load("pages.yml"), "build");
        var publish = steps.Single(s => Has(s, "run") && Text(s, "run").StartsWith("dotnet publish src/HetaoSite.Cli", StringComparison.Ordinal));
        var output = Regex.Match(Text(publish, "run"), @"-o ""(?<dir>[^""]+)""").Groups["dir"].Value;

        Assert.Contains("-r linux-x64", Text(publish, "run"), StringComparison.Ordinal);
        Assert.Contains("-p:PublishAot=true", Text(publish, "run"), StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, output);
        var uses = Runs(steps).Where(r => r.Contains(output + "/hetao\"", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"\"{output}/hetao\" build", $"\"{output}/hetao\" check"], uses.Select(r => string.Join(' ', r.Trim().Split(' ').Take(2))));
        Assert.True(steps.ToList().IndexOf(publish) < steps.ToList().IndexOf(BuildStep(steps)), "expected the generator published before the build");
    }

    [Fact]
    public void Pages_keeps_the_published_generator_under_a_key_of_its_sources_and_publishes_it_only_when_they_changed()
    {
        var steps = Steps(Load("pages.yml"), "build").ToList();
        var publish = steps.Single(s => Has(s, "run") && Text(s, "run").StartsWith("dotnet publish src/HetaoSite.Cli", StringComparison.Ordinal));
        var output = Regex.Match(Text(publish, "run"), @"-o ""(?<dir>[^""]+)""").Groups["dir"].Value;
        var cache = CacheOf(steps, output.Replace("${RUNNER_TEMP}", "${{ runner.temp }}", StringComparison.Ordinal));
        var test = steps.Single(s => Has(s, "run") && Text(s, "run").StartsWith("dotnet test", StringComparison.Ordinal));

        var key = Text(cache, "with", "key");
        foreach (var input in new[] { "'global.json'", "'Directory.Build.props'", "'Directory.Packages.props'", "'src/**'" })
        {
            Assert.True(key.Contains(input, StringComparison.Ordinal), $"expected the generator's cache key to hash {input}: {key}");
        }

        Assert.True(steps.IndexOf(cache) < steps.IndexOf(test), "expected the generator restored before the tests build into src/ (their output would change the key)");
        Assert.Equal($"steps.{Text(cache, "id")}.outputs.cache-hit != 'true'", Text(publish, "if"));
    }

    [Fact]
    public void Pages_build_installs_opencc_and_clang_and_runs_the_tests_but_the_browser_and_published_tool_ones()
    {
        var runs = Runs(Steps(Load("pages.yml"), "build")).ToList();

        Assert.Contains(runs, r => r.Contains("sudo apt-get install -y libopencc1.1", StringComparison.Ordinal));
        var clang = runs.FindIndex(r => r.Contains("apt-get install", StringComparison.Ordinal) && r.Contains("clang", StringComparison.Ordinal));
        var publish = runs.FindIndex(r => r.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.True(clang >= 0 && clang < publish, $"expected clang installed (step {clang}) before the tool is published ahead of time (step {publish})");
        Assert.Contains(runs, r => r.Contains("dotnet test", StringComparison.Ordinal) && r.Contains("--filter \"Category!=Browser&Category!=Published\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Pages_builds_under_the_base_path_that_configure_pages_reports_with_a_trailing_slash()
    {
        var steps = Steps(Load("pages.yml"), "build");
        var configure = StepUsing(steps, "actions/configure-pages");
        var build = BuildStep(steps);

        Assert.Equal("pages", Text(configure, "id"));
        Assert.True(steps.ToList().IndexOf(configure) < steps.ToList().IndexOf(build), "expected configure-pages before the build");
        Assert.Equal("${{ steps.pages.outputs.base_path }}", Text(build, "env", "BASE_PATH"));
        Assert.Contains("--base-path \"${BASE_PATH}/\"", Text(build, "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_uploads_the_site_folder_and_deploys_it_to_the_github_pages_environment()
    {
        var workflow = Load("pages.yml");

        Assert.Equal("_site", Text(StepUsing(Steps(workflow, "build"), "actions/upload-pages-artifact"), "with", "path"));
        Assert.Equal("build", Text(workflow, "jobs", "deploy", "needs"));
        Assert.Equal("github-pages", Text(workflow, "jobs", "deploy", "environment", "name"));
        Assert.Equal("${{ steps.deployment.outputs.page_url }}", Text(workflow, "jobs", "deploy", "environment", "url"));
        Assert.Equal("deployment", Text(StepUsing(Steps(workflow, "deploy"), "actions/deploy-pages"), "id"));
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_on_pushes_and_pull_requests()
    {
        var workflow = Load("ci.yml");
        var steps = Steps(workflow, "test");

        Assert.True(Has(At(workflow, "on"), "pull_request") && Has(At(workflow, "on"), "push"), "expected CI on pull_request and push");
        Assert.Equal("global.json", Text(StepUsing(steps, "actions/setup-dotnet"), "with", "global-json-file"));
        StepUsing(steps, "actions/checkout");
        Assert.Contains("./test.sh", Runs(steps));
        Assert.Equal("read", Text(workflow, "permissions", "contents"));
    }

    [Theory]
    [InlineData("pages.yml")]
    [InlineData("ci.yml")]
    public void Every_action_is_pinned_to_a_full_commit_sha_with_its_version_in_a_comment(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name));
        var usesLines = lines.Where(l => AnyUses().IsMatch(l)).ToList();
        var unpinned = usesLines.Where(l => !PinnedUses().IsMatch(l)).ToList();
        var fromYaml = ((YamlMappingNode)At(Load(name), "jobs")).Children.Values
            .SelectMany(job => ((YamlSequenceNode)At(job, "steps")).Children.Cast<YamlMappingNode>())
            .Count(step => Has(step, "uses"));

        Assert.True(unpinned.Count == 0, $"expected every uses: to be owner/repo@<40-hex sha> # vX.Y.Z, found:\n{string.Join("\n", unpinned)}");
        Assert.Equal(fromYaml, usesLines.Count);
        Assert.True(fromYaml > 0, "expected the workflow to use actions");
    }

    [Fact]
    public void An_action_has_the_same_pin_and_version_in_every_workflow()
    {
        var pins = Directory.GetFiles(Folder, "*.yml")
            .SelectMany(File.ReadAllLines)
            .Select(l => PinnedUses().Match(l))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["action"].Value, StringComparer.Ordinal)
            .Where(g => g.Select(m => (m.Groups["sha"].Value, m.Groups["version"].Value)).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.True(pins.Count == 0, $"expected one pin per action, these differ between workflows: {string.Join(", ", pins)}");
    }
}
