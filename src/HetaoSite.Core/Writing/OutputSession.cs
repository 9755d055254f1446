using System.Runtime.ExceptionServices;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Writes a site to its output folder while it is rendered, so that a failed build never leaves a half site, files of
/// removed articles disappear, unchanged files are not rewritten, and no file's bytes are kept once they are on disk.
/// Open one with <see cref="SiteWriter.Open"/>; <see cref="Commit"/> puts the site in place, and disposing a session
/// that was not committed removes everything it wrote.
/// </summary>
/// <remarks>
/// <para><b>Prepare</b> (<see cref="Add(OutputFile)"/>, while pages render). Each file is compared with the file at its path (one
/// <c>stat</c>; a read only when the sizes are equal). A new or changed file is written next to its destination under a
/// hidden temporary name; then only its path and size are kept. A kept file (<see cref="OutputFile.Keep"/>, a page
/// unchanged since the build that wrote it) is neither compared nor written.</para>
/// <para><b>First build</b> (no output folder yet): every file goes to a staging folder beside the target
/// (<c>._site.tmp-PID</c>), which the commit renames into place. If a path needs a folder where the old site has a
/// file, or a file where it has a folder, that file goes to the staging folder too, and the commit completes the
/// staging folder (temporary files moved in, unchanged ones copied) and swaps it with the old site.</para>
/// <para><b>Commit</b> (after rendering, only when the build has no errors). A journal beside the output
/// (<c>._site.commit</c>) lists the renames and deletions; then each temporary file is renamed over its destination
/// (atomic per file, so a server never sends half a page), files the build no longer produces are deleted, folders left
/// empty are removed, and the journal is deleted. If the process dies during the commit, the next session finishes it
/// from the journal before doing anything else.</para>
/// <para><b>Abort</b> (<see cref="Dispose"/> without a commit: a build with errors, a bad path, a failed write): the
/// temporary files, the staging folder and any folders created for them are deleted, and the old site is exactly as it
/// was. A failure while preparing is not thrown by <see cref="Add(OutputFile)"/> (it runs inside the parallel renderer) but by
/// <see cref="Commit"/>; once one happened, later files are not written.</para>
/// <para>Why not always stage and swap the whole folder: that creates and deletes a folder per page on every build,
/// and deleting a large tree costs far more than comparing it. Unchanged files keep their inode and modification
/// time, which <c>serve</c>, rsync and browsers can rely on.</para>
/// </remarks>
public sealed class OutputSession : IOutputSink, IDisposable
{
    private readonly string _target;
    private readonly string _staging;
    private readonly string _journal;
    private readonly bool _fresh;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];
    private readonly List<string> _created = [];

    /// <summary>
    /// The files of the old site, listed on a thread of its own while the site is read and rendered (one folder after
    /// the other, taking no thread the build's parallel stages wait for): the commit removes those the build did not
    /// produce. Null for a first build.
    /// </summary>
    private readonly Task<List<string>>? _old;

    /// <summary>Folders made in the staging folder: a first build writes a file into each folder of the site, one mkdir per folder is enough.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _stagedFolders = new(StringComparer.Ordinal);
    private ExceptionDispatchInfo? _failure;
    private bool _staged;
    private bool _closed;

    internal OutputSession(string outputDirectory)
    {
        _target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_target) ?? throw new InvalidOperationException($"output folder has no parent: {_target}");
        var name = Path.GetFileName(_target);
        _staging = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}");
        _journal = Path.Combine(parent, $".{name}.commit");
        Directory.CreateDirectory(parent);
        if (File.Exists(_journal))
        {
            SiteWriter.Commit(_target, _journal, SiteWriter.ReadJournal(_target, _journal));
        }

        _fresh = !Directory.Exists(_target);
        _old = _fresh ? null : Task.Factory.StartNew(() => SiteWriter.FilesUnder(_target), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private enum Placement
    {
        /// <summary>Equal to the file already at the destination: nothing written.</summary>
        Unchanged,

        /// <summary>Written next to the destination under <see cref="SiteWriter.TemporaryFor"/>.</summary>
        Temporary,

        /// <summary>Written into the staging folder.</summary>
        Staged,
    }

    /// <summary>What the commit needs to know of a file once its bytes are gone: where it goes, where it is, its size.</summary>
    private sealed record Entry(string Path, Placement Placement, long Size);

    /// <summary>Compares <paramref name="file"/> with the old site and writes it where the commit will find it.</summary>
    public void Add(OutputFile file) => Add(file.Path, file.Content, file.Keep);

    /// <summary>Compares the lent bytes with the old site and writes them where the commit will find them.</summary>
    public void Add(string path, ReadOnlySpan<byte> content) => Add(path, content, keep: false);

    private void Add(string outputPath, ReadOnlySpan<byte> content, bool keep)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
        }

        if (Volatile.Read(ref _failure) is not null)
        {
            return;
        }

        try
        {
            var path = Check(outputPath);
            lock (_lock)
            {
                if (!_paths.Add(path))
                {
                    throw new InvalidOperationException($"output path '{outputPath}' is used twice or is not a file");
                }
            }

            // A kept file is the one already there: left as it is, or copied into the staging folder by a swap.
            var placement = keep ? Placement.Unchanged
                : _fresh || HasFolderConflict(path) ? Placement.Staged
                : SiteWriter.IsSameFile(path, content) ? Placement.Unchanged
                : Placement.Temporary;
            var destination = placement == Placement.Staged ? Staged(path) : SiteWriter.TemporaryFor(path);
            lock (_lock)
            {
                // Recorded before the write, so that an abort also removes a file whose write failed half-way.
                _entries.Add(new Entry(path, placement, content.Length));
                if (placement == Placement.Temporary)
                {
                    SiteWriter.CreateFolder(Path.GetDirectoryName(path)!, _created);
                }
                else if (placement == Placement.Staged && !_staged)
                {
                    SiteWriter.DeleteIfExists(_staging);
                    Directory.CreateDirectory(_staging);
                    _staged = true;
                }
            }

            if (placement == Placement.Staged && Path.GetDirectoryName(destination)! is var folder && !_stagedFolders.ContainsKey(folder))
            {
                // Marked only once it exists, so no other thread writes into it before.
                Directory.CreateDirectory(folder);
                _stagedFolders.TryAdd(folder, 0);
            }

            if (placement != Placement.Unchanged)
            {
                SiteWriter.WriteNew(destination, content);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(ex), null);
        }
    }

    /// <summary>
    /// Puts the site in place: renames, deletions and empty folders, or the swap of the staging folder. Throws the first
    /// failure of the prepare phase (the old site left as it was).
    /// </summary>
    public WriteSummary Commit()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _closed = true;
        }

        List<SiteWriter.Change> renames;
        List<string> removed;
        try
        {
            CheckFolders();
            _failure?.Throw();
            if (_staged || _fresh)
            {
                return Swap();
            }

            renames = [.. _entries.Where(e => e.Placement == Placement.Temporary).Select(e => new SiteWriter.Change(SiteWriter.TemporaryFor(e.Path), e.Path))];
            var temporaries = renames.Select(r => r.Temporary).ToHashSet(StringComparer.Ordinal);
            removed = [.. _old!.GetAwaiter().GetResult().Where(f => !_paths.Contains(f) && !temporaries.Contains(f)).Order(StringComparer.Ordinal)];
            SiteWriter.WriteJournal(_target, _journal, renames, removed);
        }
        catch
        {
            Abort();
            throw;
        }

        SiteWriter.Commit(_target, _journal, (renames, removed));
        var written = _entries.Where(e => e.Placement == Placement.Temporary).ToList();
        return new WriteSummary(written.Count, _entries.Count - written.Count, removed.Count, written.Sum(e => e.Size));
    }

    /// <summary>Removes everything the session wrote unless it was committed.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        Abort();
    }

    /// <summary>First build, or a file/folder swap: the staging folder completed and renamed into place (the old one, if any, deleted after).</summary>
    private WriteSummary Swap()
    {
        if (!_staged)
        {
            // A site without files: an empty folder.
            Directory.CreateDirectory(_staging);
            _staged = true;
        }

        // Every file of the new folder counts as written; an unchanged or kept one is copied from the old folder.
        var bytes = 0L;
        foreach (var entry in _entries)
        {
            var staged = Staged(entry.Path);
            if (entry.Placement != Placement.Staged)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                if (entry.Placement == Placement.Temporary)
                {
                    File.Move(SiteWriter.TemporaryFor(entry.Path), staged);
                }
                else
                {
                    File.Copy(entry.Path, staged);
                }
            }

            bytes += entry.Placement == Placement.Unchanged ? new FileInfo(staged).Length : entry.Size;
        }

        // The listing may have seen this session's temporary files, which were moved into the staging folder above.
        var temporaries = _entries.Where(e => e.Placement == Placement.Temporary).Select(e => SiteWriter.TemporaryFor(e.Path))
            .ToHashSet(StringComparer.Ordinal);
        var removed = _old?.GetAwaiter().GetResult().Count(f => !_paths.Contains(f) && !temporaries.Contains(f)) ?? 0;
        var retired = _staging.Replace(".tmp-", ".old-", StringComparison.Ordinal);
        SiteWriter.DeleteIfExists(retired);
        var hadTarget = Directory.Exists(_target);
        if (hadTarget)
        {
            Directory.Move(_target, retired);
        }

        try
        {
            Directory.Move(_staging, _target);
        }
        catch when (hadTarget)
        {
            Directory.Move(retired, _target);
            throw;
        }

        _staged = false;
        _created.Clear();
        SiteWriter.DeleteIfExists(retired);
        return new WriteSummary(_entries.Count, 0, removed, bytes);
    }

    /// <summary>Deletes the temporary files, the staging folder and the folders created for them.</summary>
    private void Abort()
    {
        if (_old is { } listing)
        {
            // Not left reading the folder while it is cleaned up; what it found is not needed.
            Task.WaitAny(listing);
            _ = listing.Exception;
        }

        foreach (var entry in _entries.Where(e => e.Placement == Placement.Temporary))
        {
            SiteWriter.TryDelete(SiteWriter.TemporaryFor(entry.Path));
        }

        if (_staged)
        {
            SiteWriter.DeleteIfExists(_staging);
        }

        _created.AsEnumerable().Reverse().ToList().ForEach(f => SiteWriter.TryDeleteEmptyFolder(f));
    }

    /// <summary>The full path of an output file; throws if it would leave the output folder or uses the writer's prefix.</summary>
    private string Check(string relativePath)
    {
        var path = SiteWriter.ResolveInside(_target, relativePath);
        if (path.Length == _target.Length + 1)
        {
            throw new InvalidOperationException($"output path '{relativePath}' is used twice or is not a file");
        }

        if (Path.GetFileName(path).StartsWith(SiteWriter.TemporaryPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path '{relativePath}' uses the writer's reserved prefix '{SiteWriter.TemporaryPrefix}'");
        }

        return path;
    }

    /// <summary>Throws if one output file would need a folder where another output file is.</summary>
    private void CheckFolders()
    {
        foreach (var path in _paths)
        {
            for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > _target.Length; folder = Path.GetDirectoryName(folder))
            {
                if (_paths.Contains(folder))
                {
                    throw new InvalidOperationException($"output path '{Path.GetRelativePath(_target, path)}' needs a folder where another output file is");
                }
            }
        }
    }

    private string Staged(string path) => Path.Combine(_staging, Path.GetRelativePath(_target, path));

    /// <summary>True when the new file needs a folder where the old site has a file, or a file where it has a folder.</summary>
    private static bool HasFolderConflict(string path)
    {
        if (Directory.Exists(path))
        {
            return true;
        }

        var folder = Path.GetDirectoryName(path);
        return folder is not null && !Directory.Exists(folder) && AncestorIsFile(folder);
    }

    private static bool AncestorIsFile(string folder)
    {
        for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return true;
            }

            if (Directory.Exists(current))
            {
                return false;
            }
        }

        return false;
    }
}
