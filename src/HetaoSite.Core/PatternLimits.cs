namespace HetaoSite.Core;

/// <summary>
/// The match time limit of the patterns that run over article text and could backtrack (alternations and repeated
/// groups over whole lines). A line that makes one of them run longer stops that article with error HS0142 naming
/// it; a build never hangs on a pattern.
/// </summary>
internal static class PatternLimits
{
    public const int MatchTimeoutMilliseconds = 1000;
}
