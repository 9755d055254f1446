using HetaoSite.Core.Model;

namespace HetaoSite.Core;

/// <summary>Keeps every file of a build in memory: for <c>serve</c>, <c>eval</c> and tests that read the built site.</summary>
public sealed class MemoryOutput : IOutputSink
{
    private readonly List<OutputFile> _files = [];
    private readonly Lock _lock = new();

    public void Add(OutputFile file)
    {
        lock (_lock)
        {
            _files.Add(file);
        }
    }

    /// <summary>The files received so far, sorted by path.</summary>
    public IReadOnlyList<OutputFile> Files
    {
        get
        {
            lock (_lock)
            {
                return [.. _files.OrderBy(f => f.Path, StringComparer.Ordinal)];
            }
        }
    }
}
