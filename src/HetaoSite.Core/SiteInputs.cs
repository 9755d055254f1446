namespace HetaoSite.Core;

/// <summary>Where a site's inputs are: its config file, the articles folder (<c>seeds/</c>) and the templates folder.</summary>
public sealed record SiteInputs(string Config, string Seeds, string Templates);
