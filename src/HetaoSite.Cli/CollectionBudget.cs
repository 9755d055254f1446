namespace HetaoSite.Cli;

/// <summary>
/// How much a rebuild may allocate before the garbage collector first runs. Most of what a rebuild allocates lives until
/// it ends (the articles read from the memo, the timeline, both renderings' models, the cards of every list page), so
/// each collection mostly copies live objects from one generation to the next, every thread paused, and on a large site
/// that is a large part of a rebuild's time. A process that builds once and exits lets its heap grow instead,
/// by an amount proportional to the site, as Go's collector lets a heap grow in proportion to what is live: the budget
/// is <see cref="BytesPerArticleByte"/> times the size of the articles' folder, within a quarter of the memory the
/// process may use; once it is spent, the collector runs as usual.
/// </summary>
/// <remarks>
/// Only for a rebuild (the command decides: the last build's cache and output folder are there) of the executable's
/// <c>build</c> command. A cold build allocates about twice as much, most of it short-lived (each article's processing),
/// so a region would only make its heap larger and every page of it newly touched memory. A long-running <c>serve</c>,
/// and builds run inside another process (the tests), collect as usual.
/// </remarks>
internal static class CollectionBudget
{
    /// <summary>About what a rebuild allocates per byte of article files (docs/PERFORMANCE.md, Collections during a rebuild).</summary>
    public const long BytesPerArticleByte = 24;

    /// <summary>Below this (a small site) collections cost little: no region is started.</summary>
    public const long Minimum = 64L << 20;

    /// <summary>Set by the executable's entry point: this process runs one command and exits.</summary>
    public static bool OneShotProcess { get; set; }

    /// <summary>The budget for articles of <paramref name="articleBytes"/> when the process may use <paramref name="availableBytes"/>; 0 for none.</summary>
    public static long For(long articleBytes, long availableBytes)
    {
        var budget = Math.Min(articleBytes * BytesPerArticleByte, availableBytes / 4);
        return budget < Minimum ? 0 : budget;
    }

    /// <summary>
    /// In a one-shot process, starts a region without collections sized for the articles under <paramref name="seeds"/>;
    /// returns the budget (0 when none was started: not a one-shot process, a small site, or the runtime refused).
    /// </summary>
    public static long Start(string seeds)
    {
        if (!OneShotProcess)
        {
            return 0;
        }

        var budget = For(FolderBytes(seeds), GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        try
        {
            return budget > 0 && GC.TryStartNoGCRegion(budget) ? budget : 0;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Larger than the runtime can set aside, or a region already started: the build collects as usual.
            return 0;
        }
    }

    /// <summary>The size of the files under <paramref name="folder"/>, not following links; 0 when it cannot be read.</summary>
    public static long FolderBytes(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", options).Sum(f => f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
