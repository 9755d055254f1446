using HetaoSite.Core.Model;

namespace HetaoSite.Core;

/// <summary>
/// Where the renderer hands each file of the site as soon as it exists, from several threads at once, so that the
/// whole site is never held in memory: <see cref="Writing.OutputSession"/> writes it to disk (and lets go of its bytes),
/// <see cref="MemoryOutput"/> keeps it (serve, eval, tests).
/// </summary>
public interface IOutputSink
{
    /// <summary>Takes <paramref name="file"/>. Thread-safe. A sink that writes reports failures when it commits, not here.</summary>
    void Add(OutputFile file);

    /// <summary>
    /// Takes a file whose bytes are only lent for the call (a page encoded into its render thread's buffer, which the
    /// thread's next page overwrites): a sink that keeps them copies them; one that writes them needs no copy.
    /// </summary>
    void Add(string path, ReadOnlySpan<byte> content) => Add(new OutputFile(path, content.ToArray()));
}
