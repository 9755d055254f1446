namespace HetaoSite.Core;

/// <summary>
/// The match time limit of the patterns that run over article text and could backtrack (alternations and repeated
/// groups over whole lines). A line that makes one of them run longer stops that article with error HS0142 naming
/// it; a build never hangs on a pattern. The limit is wall-clock time, so it is set far above what any genuine line
/// needs even on a heavily loaded machine (a thread may wait for a core for a second or more there): a genuine
/// article must never fail because the machine was busy, while runaway backtracking still ends.
/// </summary>
internal static class PatternLimits
{
    public const int MatchTimeoutMilliseconds = 10_000;
}
