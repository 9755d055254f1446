using System.Runtime.InteropServices;

namespace HetaoSite.Core.Conversion;

/// <summary>
/// Converts between Traditional and Simplified Chinese with the system's OpenCC library (<c>libopencc.so.1.1</c>, Debian
/// package libopencc1.1). <see cref="ToSimplified"/> uses <c>t2s.json</c>; <see cref="ToTraditional"/> uses <c>s2hk.json</c>,
/// the Hong Kong standard, because the zone straddles Shenzhen and Hong Kong and the Hong Kong outlets (大公報, 香港商報)
/// write that way. OpenCC does not document its converters as thread-safe, so a handle is only ever used by one thread
/// at a time: each direction keeps a small pool of handles, one per thread that converts concurrently (at most one per
/// processor), instead of one handle behind a lock that would serialise parallel rendering.
/// </summary>
/// <example><c>ToSimplified("河套深港科技創新合作區")</c> → <c>河套深港科技创新合作区</c>.</example>
public sealed class OpenCcConverter : IScriptConverter, IDisposable
{
    /// <summary>What to install when OpenCC is missing.</summary>
    public const string InstallHint = "install OpenCC: 'apt-get install libopencc1.1' on Debian/Ubuntu, 'brew install opencc' on macOS";

    private static readonly string[] ConfigDirectories =
    [
        "/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc", "/usr/lib/x86_64-linux-gnu/opencc",
    ];

    private readonly HandlePool _toSimplified;
    private readonly HandlePool _toTraditional;

    /// <summary>
    /// Joins short texts into one OpenCC call. OpenCC converts by greedy longest match over dictionary keys, and no key
    /// contains a line break (its dictionaries are one entry per line), so a match never spans one and matching restarts
    /// right after it: converting "A\nB" gives exactly convert(A) + "\n" + convert(B). Texts that contain a line break or
    /// a NUL (where OpenCC stops) are converted alone. OpenCcConverterTests checks the identity on the seed articles.
    /// </summary>
    private const char Separator = '\n';

    /// <summary>Characters per joined call: big enough to amortise a call, small enough to keep buffers off the large-object heap.</summary>
    private const int BatchCharacters = 16 * 1024;

    private OpenCcConverter(OpenCcHandle toSimplified, OpenCcHandle toTraditional)
    {
        _toSimplified = new HandlePool("t2s.json", toSimplified);
        _toTraditional = new HandlePool("s2hk.json", toTraditional);
        Identity = IdentityOf("t2s.json", "s2hk.json");
    }

    /// <summary>
    /// "opencc:" + the configurations and the size and time of every file beside them (the dictionaries they load), so
    /// an upgraded OpenCC data package never reuses conversions stored by the old one.
    /// </summary>
    public string Identity { get; }

    /// <summary>Opens OpenCC; never throws. On failure <paramref name="problem"/> says what is missing and how to install it.</summary>
    public static bool TryCreate(out OpenCcConverter? converter, out string? problem)
    {
        converter = null;
        try
        {
            if (!OpenCcNative.TryLoad())
            {
                problem = $"OpenCC library not found (tried {string.Join(", ", OpenCcNative.Candidates)}); {InstallHint}";
                return false;
            }

            // One after the other: OpenCC's first opens in a process are not safe side by side (opening these two at once
            // crashes the process now and then); after them, the pools below open more on several threads safely.
            var toSimplified = Open("t2s.json", out problem);
            if (toSimplified is null)
            {
                return false;
            }

            var toTraditional = Open("s2hk.json", out problem);
            if (toTraditional is null)
            {
                toSimplified.Dispose();
                return false;
            }

            converter = new OpenCcConverter(toSimplified, toTraditional);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            problem = $"OpenCC library cannot be used ({ex.Message}); {InstallHint}";
            return false;
        }
    }

    public string ToSimplified(string text) => Convert(_toSimplified, text);

    public string ToTraditional(string text) => Convert(_toTraditional, text);

    public IReadOnlyList<string> ToSimplifiedAll(IReadOnlyList<string> texts) => ConvertAll(_toSimplified, texts);

    public IReadOnlyList<string> ToTraditionalAll(IReadOnlyList<string> texts) => ConvertAll(_toTraditional, texts);

    public void Dispose()
    {
        _toSimplified.Dispose();
        _toTraditional.Dispose();
    }

    private static OpenCcHandle? Open(string config, out string? problem)
    {
        var path = ConfigDirectories.Select(d => Path.Combine(d, config)).FirstOrDefault(File.Exists) ?? config;
        var handle = OpenCcNative.Open(OpenCcNative.Utf8Z(path));
        if (handle.IsInvalid)
        {
            problem = $"OpenCC cannot open its configuration {config} ({OpenCcNative.LastError()}); {InstallHint}";
            handle.Dispose();
            return null;
        }

        problem = null;
        return handle;
    }

    private static string IdentityOf(params string[] configs)
    {
        var parts = new List<string> { "opencc" };
        foreach (var config in configs)
        {
            var path = ConfigDirectories.Select(d => Path.Combine(d, config)).FirstOrDefault(File.Exists) ?? config;
            parts.Add(path);
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null && Directory.Exists(directory))
            {
                parts.AddRange(Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).Select(f =>
                {
                    var info = new FileInfo(f);
                    return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Name}:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
                }));
            }
        }

        return string.Join("|", parts);
    }

    private static string[] ConvertAll(HandlePool pool, IReadOnlyList<string> texts)
    {
        var results = new string[texts.Count];
        var batch = new List<int>();
        var joined = new System.Text.StringBuilder();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (text.Length == 0 || text.Contains(Separator, StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal))
            {
                results[i] = Convert(pool, text);
                continue;
            }

            if (joined.Length > 0 && joined.Length + text.Length > BatchCharacters)
            {
                ConvertBatch(pool, joined, batch, texts, results);
            }

            if (joined.Length > 0)
            {
                joined.Append(Separator);
            }

            joined.Append(text);
            batch.Add(i);
        }

        ConvertBatch(pool, joined, batch, texts, results);
        return results;
    }

    private static void ConvertBatch(HandlePool pool, System.Text.StringBuilder joined, List<int> batch, IReadOnlyList<string> texts, string[] results)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var pieces = Convert(pool, joined.ToString()).Split(Separator);
        for (var j = 0; j < batch.Count; j++)
        {
            // The piece count always matches (see Separator); converting alone is only a guard against a changed OpenCC.
            results[batch[j]] = pieces.Length == batch.Count ? pieces[j] : Convert(pool, texts[batch[j]]);
        }

        joined.Clear();
        batch.Clear();
    }

    private static string Convert(HandlePool pool, string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var input = System.Text.Encoding.UTF8.GetBytes(text);
        var handle = pool.Rent();
        try
        {
            var output = OpenCcNative.ConvertUtf8(handle, input, (nuint)input.Length);
            if (output == 0)
            {
                throw new InvalidOperationException($"OpenCC could not convert the text: {OpenCcNative.LastError()}");
            }

            try
            {
                return Marshal.PtrToStringUTF8(output) ?? string.Empty;
            }
            finally
            {
                OpenCcNative.FreeUtf8(output);
            }
        }
        finally
        {
            pool.Return(handle);
        }
    }

    /// <summary>
    /// Handles of one configuration, each used by one thread at a time. A thread that finds none free opens another
    /// (loading the dictionaries costs tens of milliseconds) up to one per processor, then waits for one to come back.
    /// </summary>
    private sealed class HandlePool(string config, OpenCcHandle first) : IDisposable
    {
        private readonly Stack<OpenCcHandle> _free = new([first]);
        private readonly List<OpenCcHandle> _all = [first];
        private readonly object _lock = new(); // a Monitor, not a Lock: Rent waits on it

        public OpenCcHandle Rent()
        {
            lock (_lock)
            {
                while (true)
                {
                    if (_free.TryPop(out var handle))
                    {
                        return handle;
                    }

                    if (_all.Count < Environment.ProcessorCount && Open(config, out _) is { } opened)
                    {
                        _all.Add(opened);
                        return opened;
                    }

                    Monitor.Wait(_lock);
                }
            }
        }

        public void Return(OpenCcHandle handle)
        {
            lock (_lock)
            {
                _free.Push(handle);
                Monitor.Pulse(_lock);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _all.ForEach(h => h.Dispose());
            }
        }
    }
}
