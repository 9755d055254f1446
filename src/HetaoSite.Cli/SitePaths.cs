using HetaoSite.Core;

namespace HetaoSite.Cli;

/// <summary>
/// Where a site's inputs and output are. Defaults follow the interface contract: <c>site-config.yml</c> in the
/// working directory, <c>seeds/</c> and <c>templates/</c> beside it, output in <c>_site/</c>.
/// </summary>
public sealed record SitePaths(string Config, string Seeds, string Templates, string Output)
{
    public string Root => Path.GetDirectoryName(Path.GetFullPath(Config))!;

    /// <summary>What a build reads.</summary>
    public SiteInputs Inputs => new(Config, Seeds, Templates);

    public static SitePaths From(CommandArguments args)
    {
        var config = Path.GetFullPath(args.Get("config") ?? "site-config.yml");
        var root = Path.GetDirectoryName(config)!;
        return new SitePaths(
            config,
            Path.GetFullPath(args.Get("seeds") ?? Path.Combine(root, "seeds")),
            Path.GetFullPath(args.Get("templates") ?? Path.Combine(root, "templates")),
            Path.GetFullPath(args.Get("out") ?? "_site"));
    }
}
