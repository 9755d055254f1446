namespace HetaoSite.Core.Model;

/// <summary>
/// A file of the built site: its path relative to the output root ('/'-separated) and its bytes. A page kept in the
/// page cache also carries the fingerprint it was rendered under and reads its bytes only when someone asks for them:
/// the writer does not when the output already holds that page (see <c>Writing/OutputManifest</c>).
/// </summary>
public sealed class OutputFile
{
    private readonly byte[]? _content;
    private readonly Func<byte[]>? _read;

    // The bytes last read, held weakly: the writer asks twice (compare, then write) and should read once, but ten
    // thousand articles make 600 MB of pages, which must not stay in memory until every page is rendered.
    private readonly WeakReference<byte[]>? _lastRead;

    public OutputFile(string path, byte[] content)
        : this(path, null, content, null)
    {
    }

    private OutputFile(string path, string? fingerprint, byte[]? content, Func<byte[]>? read, string? storedAt = null)
    {
        Path = path;
        Fingerprint = fingerprint;
        StoredAt = storedAt;
        _content = content;
        _read = read;
        _lastRead = read is null ? null : new WeakReference<byte[]>(null!);
    }

    public string Path { get; }

    /// <summary>The bytes; for a page in the page cache, read when asked (thread-safe; read again if memory ran short since).</summary>
    public byte[] Content
    {
        get
        {
            if (_content is not null)
            {
                return _content;
            }

            if (_lastRead!.TryGetTarget(out var bytes))
            {
                return bytes;
            }

            bytes = _read!();
            _lastRead.SetTarget(bytes);
            return bytes;
        }
    }

    /// <summary>The page fingerprint the bytes were rendered under, or null for files made without the page cache.</summary>
    public string? Fingerprint { get; }

    /// <summary>
    /// A file (a page cache entry) that holds exactly these bytes and is never changed in place, so the writer may link
    /// it into the output instead of writing the bytes; null for files that have none.
    /// </summary>
    public string? StoredAt { get; }

    /// <summary>
    /// A page rendered under <paramref name="fingerprint"/>, whose bytes <paramref name="read"/> gives when asked; it
    /// must give the same bytes every time, which <paramref name="storedAt"/>, when given, holds.
    /// </summary>
    public static OutputFile Cached(string path, string fingerprint, Func<byte[]> read, string? storedAt = null) =>
        new(path, fingerprint, null, read, storedAt);

    /// <summary>The same bytes, known to be the rendering under <paramref name="fingerprint"/>.</summary>
    public OutputFile WithFingerprint(string fingerprint) => new(Path, fingerprint, _content, _read, StoredAt);

    public override string ToString() => Path;
}
