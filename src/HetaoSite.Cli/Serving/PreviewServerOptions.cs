using HetaoSite.Core;

namespace HetaoSite.Cli.Serving;

/// <summary>How to run <see cref="PreviewServer"/>.</summary>
/// <param name="Paths">The site's inputs; seeds/, templates/ and the config file are watched.</param>
/// <param name="Arguments">The build options (<c>--base-path</c>, <c>--keep-going</c>, <c>--quiet</c>, <c>--verbose</c>).</param>
public sealed record PreviewServerOptions(SitePaths Paths, CommandArguments Arguments)
{
    public const int DefaultPort = 4000;

    /// <summary>The port on 127.0.0.1; 0 lets the system pick a free one (see <see cref="PreviewServer.Url"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How long the inputs must stay quiet after a change before the site is rebuilt.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Where progress lines go (the URL, one line per rebuild).</summary>
    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>Where diagnostics go.</summary>
    public TextWriter Error { get; init; } = TextWriter.Null;

    /// <summary>
    /// Builds the site in memory; by default <see cref="SiteBuilder.Build(SiteInputs, BuildContext, string?)"/> over
    /// <see cref="Paths"/> with the article memo of <c>build</c> and no output. Tests may give their own.
    /// </summary>
    public Func<SiteBuild>? Build { get; init; }
}
