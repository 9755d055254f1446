namespace HetaoSite.Cli.Serving;

/// <summary>
/// Watches a site's inputs (seeds/, templates/ and the config file) and reports that something changed. It does not
/// debounce: an editor's save is often several events (write to a temp file, rename), so the caller waits for quiet.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Action<string> _changed;

    public SiteWatcher(SitePaths paths, Action<string> changed)
    {
        _changed = changed;
        Watch(paths.Seeds, recursive: true, filter: null);
        Watch(paths.Templates, recursive: true, filter: null);

        // The config's folder, not the file: editors that save by renaming a temp file over it would otherwise be missed.
        var configName = Path.GetFileName(paths.Config);
        Watch(Path.GetDirectoryName(paths.Config)!, recursive: false, filter: name => string.Equals(name, configName, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
    }

    private void Watch(string directory, bool recursive, Func<string, bool>? filter)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        void OnEvent(string? name, string fullPath)
        {
            if (filter is null || (name is not null && filter(Path.GetFileName(name))))
            {
                _changed(fullPath);
            }
        }

        watcher.Changed += (_, e) => OnEvent(e.Name, e.FullPath);
        watcher.Created += (_, e) => OnEvent(e.Name, e.FullPath);
        watcher.Deleted += (_, e) => OnEvent(e.Name, e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            OnEvent(e.Name, e.FullPath);
            OnEvent(e.OldName, e.OldFullPath);
        };

        // A lost event (buffer overflow) means "something changed"; rebuilding is always safe.
        watcher.Error += (_, _) => _changed(directory);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }
}
