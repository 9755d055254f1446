namespace HetaoSite.Core.Model;

/// <summary>
/// A file of the built site: its path relative to the output root ('/'-separated) and its bytes. A page taken from the
/// page cache also carries the fingerprint it was rendered under and reads its bytes only when someone asks for them:
/// the writer does not when the output already holds that page (see <c>Writing/OutputManifest</c>).
/// </summary>
public sealed class OutputFile
{
    private readonly Lazy<byte[]> _content;

    public OutputFile(string path, byte[] content)
        : this(path, null, new Lazy<byte[]>(content))
    {
    }

    private OutputFile(string path, string? fingerprint, Lazy<byte[]> content)
    {
        Path = path;
        Fingerprint = fingerprint;
        _content = content;
    }

    public string Path { get; }

    /// <summary>The bytes; for a cached page, read on first use (thread-safe).</summary>
    public byte[] Content => _content.Value;

    /// <summary>The page fingerprint the bytes were rendered under, or null for files made without the page cache.</summary>
    public string? Fingerprint { get; }

    /// <summary>A page rendered under <paramref name="fingerprint"/>, whose bytes <paramref name="read"/> gives when asked.</summary>
    public static OutputFile Cached(string path, string fingerprint, Func<byte[]> read) =>
        new(path, fingerprint, new Lazy<byte[]>(read, LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>The same bytes, known to be the rendering under <paramref name="fingerprint"/>.</summary>
    public OutputFile WithFingerprint(string fingerprint) => new(Path, fingerprint, _content);

    public override string ToString() => Path;
}
