using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// What a page read from the globals while it rendered: the paths of the members its templates (and the partials they
/// include, cached or not) looked up, and whether it read a builtin whose value changes from run to run
/// (<c>date.now</c>, <c>math.random</c>, <c>math.uuid</c>). Recorded as the page renders, never listed by hand: the
/// globals a page sees are a <see cref="TracedObject"/>, which notes each lookup in the trace of the page its thread is
/// rendering (<see cref="Begin"/>). A read is noted as the number of its path (<see cref="TracePaths"/>) in a set the
/// thread reuses from page to page, so noting one allocates nothing; the paths are named only when the trace is read.
/// </summary>
internal sealed class PageTrace : IDisposable
{
    /// <summary>Separates the members of a path ("site␟title"): a member name may contain a dot.</summary>
    public const char Separator = '\u001f';

    [ThreadStatic]
    private static PageTrace? t_current;

    [ThreadStatic]
    private static Stack<HashSet<int>>? t_free;

    private readonly HashSet<int> _ids;
    private bool _released;

    /// <summary>A trace on a set of the thread's, given back by <see cref="Dispose"/>.</summary>
    public PageTrace()
    {
        var free = t_free ??= new();
        _ids = free.Count > 0 ? free.Pop() : [];
    }

    /// <summary>The paths read, each a member of the globals or of an object under them; "" is the whole globals.</summary>
    public List<string> Paths => TracePaths.Names(_ids);

    /// <summary>The numbers of the paths read (<see cref="TracePaths"/>), in increasing order.</summary>
    public int[] SortedIds()
    {
        var ids = _ids.ToArray();
        Array.Sort(ids);
        return ids;
    }

    /// <summary>True when the page read a builtin that differs from run to run: it must never be reused.</summary>
    public bool IsVolatile { get; private set; }

    /// <summary>Makes this the trace of what the current thread reads, until the returned scope ends.</summary>
    public Scope Begin()
    {
        var scope = new Scope(t_current);
        t_current = this;
        return scope;
    }

    /// <summary>What was read, kept compactly (a cached partial's reads, added to every page that shows it).</summary>
    public Reads Freeze() => new([.. _ids], IsVolatile);

    /// <summary>Adds <paramref name="reads"/> to this trace.</summary>
    public void Merge(Reads reads)
    {
        _ids.UnionWith(reads.Ids);
        IsVolatile |= reads.IsVolatile;
    }

    /// <summary>Gives the trace's set back to the thread, emptied, for its next trace. Call on the thread that made it.</summary>
    public void Dispose()
    {
        if (!_released)
        {
            _released = true;
            _ids.Clear();
            (t_free ??= new()).Push(_ids);
        }
    }

    /// <summary>The paths a trace noted (as numbers of <see cref="TracePaths"/>) and whether it read a volatile builtin.</summary>
    public sealed record Reads(int[] Ids, bool IsVolatile);

    /// <summary>The trace of the page the current thread is rendering, if any.</summary>
    public static PageTrace? Current => t_current;

    /// <summary>True when the current thread is recording what it reads.</summary>
    internal static bool IsTracing => t_current is not null;

    internal static void Note(int pathId) => t_current?._ids.Add(pathId);

    internal static void NoteVolatile()
    {
        if (t_current is { } trace)
        {
            trace.IsVolatile = true;
        }
    }

    public readonly struct Scope(PageTrace? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }

    /// <summary>
    /// Wraps <paramref name="context"/>'s builtins <c>date</c> and <c>math</c> so that reading <c>date.now</c>,
    /// <c>math.random</c> or <c>math.uuid</c> marks the current page volatile.
    /// </summary>
    public static void GuardBuiltins(TemplateContext context)
    {
        Guard(context.BuiltinObject, "date", "now");
        Guard(context.BuiltinObject, "math", "random", "uuid");
    }

    private static void Guard(ScriptObject builtins, string name, params string[] members)
    {
        if (builtins[name] is ScriptObject inner)
        {
            builtins.Remove(name);
            builtins.SetValue(name, new VolatileGuard(inner, members), readOnly: true);
        }
    }

    /// <summary>
    /// A builtin object (<c>date</c>, <c>math</c>) passed through, noting a read of one of its members that are
    /// different on every call.
    /// </summary>
    private sealed class VolatileGuard(ScriptObject inner, string[] volatileMembers) : ScriptObject, IScriptObject
    {
        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
        {
            if (volatileMembers.Contains(member, StringComparer.Ordinal))
            {
                NoteVolatile();
            }

            return inner.TryGetValue(context, span, member, out value);
        }

        public override bool Contains(string member) => inner.Contains(member);

        public override bool CanWrite(string member) => inner.CanWrite(member);

        public override bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) =>
            inner.TrySetValue(context, span, member, value, readOnly);

        int IScriptObject.Count => inner.Count;

        IEnumerable<string> IScriptObject.GetMembers() => inner.GetMembers();
    }
}

/// <summary>
/// A read-only view of an object of the globals (the globals themselves, <c>site</c>, <c>t</c>, <c>chart</c>…) that
/// notes each member looked up in the current <see cref="PageTrace"/> as a path from the globals. Objects under it are
/// views too, so reading <c>site.title</c> notes "site␟title" and not the whole of <c>site</c>; any other value
/// (an array, a text, a function) is noted as read whole. Enumerating a view (its members, its count) notes the view's
/// own path: everything under it was read.
/// </summary>
internal sealed class TracedObject : ScriptObject, IScriptObject, IEnumerable<KeyValuePair<string, object?>>
{
    /// <summary>What <see cref="_memberIds"/> holds for a member that is a view: the view notes what is read through it.</summary>
    private const int View = -1;

    private readonly string _path;
    private readonly int _pathId;
    private readonly Dictionary<string, int> _memberIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _absentIds = new(StringComparer.Ordinal);

    /// <summary>A view of <paramref name="globals"/> (the root, path "").</summary>
    public TracedObject(ScriptObject globals)
        : this(globals, string.Empty)
    {
    }

    private TracedObject(ScriptObject source, string path)
    {
        _path = path;
        _pathId = TracePaths.Id(path);
        foreach (var (member, value) in (IEnumerable<KeyValuePair<string, object?>>)source)
        {
            var memberPath = PathOf(member);
            if (value is ScriptObject inner && inner.GetType() == typeof(ScriptObject))
            {
                _memberIds[member] = View;
                SetValue(member, new TracedObject(inner, memberPath), readOnly: false);
            }
            else
            {
                _memberIds[member] = TracePaths.Id(memberPath);
                SetValue(member, value, readOnly: false);
            }
        }
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        NoteMember(member);
        return base.TryGetValue(context, span, member, out value);
    }

    public override bool Contains(string member)
    {
        NoteMember(member);
        return base.Contains(member);
    }

    public override object? this[string key]
    {
        get
        {
            NoteMember(key);
            return base[key];
        }

        set => base[key] = value;
    }

    int IScriptObject.Count
    {
        get
        {
            PageTrace.Note(_pathId);
            return Count;
        }
    }

    IEnumerable<string> IScriptObject.GetMembers()
    {
        PageTrace.Note(_pathId);
        return GetMembers();
    }

    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator()
    {
        PageTrace.Note(_pathId);
        return GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator()
    {
        PageTrace.Note(_pathId);
        return GetEnumerator();
    }

    private string PathOf(string member) => _path.Length == 0 ? member : _path + PageTrace.Separator + member;

    // A member that is not there is noted too: its absence is part of what the page saw (its path is numbered the first
    // time it is looked up). A member that is a view is not: what is read through it is noted by the view.
    private void NoteMember(string member)
    {
        if (!PageTrace.IsTracing)
        {
            return;
        }

        if (_memberIds.TryGetValue(member, out var id))
        {
            if (id != View)
            {
                PageTrace.Note(id);
            }
        }
        else
        {
            PageTrace.Note(_absentIds.GetOrAdd(member, static (m, view) => TracePaths.Id(view.PathOf(m)), this));
        }
    }
}

/// <summary>
/// The lists of paths pages read, one per distinct set of paths, sorted by name: pages of a kind read the same paths, so
/// their records share one list (and <see cref="ValueHasher.AtRecordedPaths"/> hashes it once), instead of each page
/// naming, sorting and hashing its paths again. Lists are told apart by the XxHash128 of their numbers, as values are
/// by <see cref="ValueHasher"/>.
/// </summary>
internal sealed class ReadLists
{
    private readonly ConcurrentDictionary<UInt128, IReadOnlyList<string>> _lists = new();

    /// <summary>The paths numbered <paramref name="sortedIds"/> (in increasing order), sorted by name.</summary>
    public IReadOnlyList<string> Of(int[] sortedIds)
    {
        var key = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(sortedIds.AsSpan()));
        if (_lists.TryGetValue(key, out var known))
        {
            return known;
        }

        var names = TracePaths.Names(sortedIds);
        names.Sort(StringComparer.Ordinal);
        return _lists.GetOrAdd(key, names);
    }
}

/// <summary>
/// The paths of <see cref="PageTrace"/>, numbered for the process: a trace holds numbers, not texts. The paths are the
/// member names the templates look up under the globals, so there are as many as the templates have names (hundreds),
/// whatever the size of the site.
/// </summary>
internal static class TracePaths
{
    private static readonly ConcurrentDictionary<string, int> s_ids = new(StringComparer.Ordinal);
    private static readonly List<string> s_paths = [];
    private static readonly Lock s_lock = new();

    /// <summary>The number of <paramref name="path"/>, the same for the whole process.</summary>
    public static int Id(string path)
    {
        if (s_ids.TryGetValue(path, out var id))
        {
            return id;
        }

        lock (s_lock)
        {
            if (!s_ids.TryGetValue(path, out id))
            {
                id = s_paths.Count;
                s_paths.Add(path);
                s_ids[path] = id;
            }

            return id;
        }
    }

    /// <summary>The paths numbered <paramref name="ids"/>.</summary>
    public static List<string> Names(IReadOnlyCollection<int> ids)
    {
        var names = new List<string>(ids.Count);
        lock (s_lock)
        {
            foreach (var id in ids)
            {
                names.Add(s_paths[id]);
            }
        }

        return names;
    }
}

/// <summary>
/// Stable hashes (XxHash128, hex) of template values: texts, numbers, booleans, functions (by type: what they
/// do depends only on the engine and the configuration) and whole graphs of <see cref="ScriptObject"/> and
/// <see cref="ScriptArray"/> (and <see cref="ShapedObject"/>). The hash of an object many pages share (a
/// <see cref="ShapedObject"/> of a shared <see cref="ObjectShape"/>: an event, an article summary) is kept on the object, so
/// it is hashed once per build; the value at each path of the globals is memoised. Values are only read while
/// a build renders, so a memoised hash stays true.
/// </summary>
internal sealed class ValueHasher
{
    // XxHash128: a hash only has to tell a value from the one it replaced, not resist an attacker (who would have to
    // write the site's own inputs), and it is many times faster than SHA-256 over the same bytes.
    private const int HashBytes = 16;

    [ThreadStatic]
    private static Stack<ArrayBufferWriter<byte>>? t_buffers;

    private readonly ConcurrentDictionary<string, byte[]> _paths = new(StringComparer.Ordinal);

    // The hash of what a recorded list of paths holds, per list: the page store gives the records that read the same
    // paths one list, so pages of a kind look their paths up once.
    private readonly ConcurrentDictionary<IReadOnlyList<string>, string> _lists = new(ReferenceEqualityComparer.Instance);
    private readonly ScriptObject _globals;

    /// <param name="globals">The globals the paths of <see cref="AtPaths"/> start from.</param>
    public ValueHasher(ScriptObject globals)
    {
        _globals = globals;
    }

    /// <summary>The hash of <paramref name="value"/> and everything under it.</summary>
    public string Of(object? value) => Convert.ToHexString(Hash(value));

    /// <summary>
    /// <see cref="Of"/> of the values in order, as one number: the key of a cached partial's output (its script, path,
    /// and keys), where an object many pages share is hashed once per build.
    /// </summary>
    public UInt128 KeyOf(ScriptArray values) => BinaryPrimitives.ReadUInt128BigEndian(Hash(values));

    /// <summary>One hash of the values now at <paramref name="paths"/> under the globals (paths of <see cref="PageTrace"/>).</summary>
    public string AtPaths(IEnumerable<string> paths) => Convert.ToHexString(HashAtPaths(paths));

    /// <summary>
    /// <see cref="AtPaths"/> of a page record's list, computed once per list (records that read the same paths share
    /// one): the values at the paths are only read while a build renders.
    /// </summary>
    public string AtRecordedPaths(IReadOnlyList<string> paths) =>
        _lists.TryGetValue(paths, out var known) ? known : _lists.GetOrAdd(paths, static (list, hasher) => hasher.AtPaths(list), this);

    private byte[] HashAtPaths(IEnumerable<string> paths)
    {
        var buffer = Rent();
        try
        {
            foreach (var path in paths)
            {
                Text(buffer, path);
                Bytes(buffer, _paths.GetOrAdd(path, static (p, hasher) => hasher.Hash(hasher.Resolve(p)), this));
            }

            return XxHash128.Hash(buffer.WrittenSpan);
        }
        finally
        {
            Return(buffer);
        }
    }

    private object? Resolve(string path)
    {
        object? value = _globals;
        foreach (var member in path.Length == 0 ? [] : path.Split(PageTrace.Separator))
        {
            if (value is not ScriptObject o || !o.TryGetValue(member, out value))
            {
                return Absent.Instance;
            }
        }

        return value;
    }

    /// <summary>The hash of <paramref name="value"/>, written into a buffer of the thread's kept for the next hash.</summary>
    private byte[] Hash(object? value)
    {
        var buffer = Rent();
        try
        {
            Write(buffer, value, memoised: false);
            return XxHash128.Hash(buffer.WrittenSpan);
        }
        finally
        {
            Return(buffer);
        }
    }

    /// <summary>An empty buffer of the thread's (one per level of nesting: a shared object is hashed inside a page's hash).</summary>
    private static ArrayBufferWriter<byte> Rent()
    {
        var buffers = t_buffers ??= new();
        var buffer = buffers.Count > 0 ? buffers.Pop() : new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        return buffer;
    }

    private static void Return(ArrayBufferWriter<byte> buffer) => t_buffers!.Push(buffer);

    private void Write(ArrayBufferWriter<byte> buffer, object? value, bool memoised = true)
    {
        // Texts, numbers and flags first: most values are one of them, and each is told by one exact type check, where
        // testing a class that has subclasses (ScriptObject, ScriptArray) walks the value's type's ancestors.
        switch (value)
        {
            case null:
                Tag(buffer, 'n', 0);
                break;
            case string s:
                Text(buffer, s);
                break;
            case bool b:
                Tag(buffer, b ? 't' : 'F', 0);
                break;
            case int n:
                Tag(buffer, 'i', n);
                break;
            case ShapedObject { Shape.Shared: true } shared when memoised:
                Tag(buffer, 'h', HashBytes);
                Bytes(buffer, shared.Hash ??= Hash(shared));
                break;
            case ShapedObject shaped:
                Tag(buffer, 'o', shaped.Count);
                foreach (var (member, item) in shaped)
                {
                    Text(buffer, member);
                    Write(buffer, item);
                }

                break;
            case ScriptObject o:
                Tag(buffer, 'o', o.Count);
                foreach (var (member, item) in (IEnumerable<KeyValuePair<string, object?>>)o)
                {
                    Text(buffer, member);
                    Write(buffer, item);
                }

                break;
            case ScriptArray a:
                Tag(buffer, 'a', a.Count);
                for (var i = 0; i < a.Count; i++)
                {
                    Write(buffer, a[i]);
                }

                break;
            case Absent:
                Tag(buffer, 'x', 0);
                break;
            case IHashedByInputs hashed:
                Tag(buffer, 'w', 0);
                Text(buffer, value.GetType().FullName ?? value.GetType().Name);
                hashed.AddInputs(new HashInputs(buffer));
                break;
            case IScriptCustomFunction or Delegate:
                Tag(buffer, 'f', 0);
                Text(buffer, value.GetType().FullName ?? value.GetType().Name);
                break;
            case IFormattable formattable:
                Tag(buffer, 'v', 0);
                Text(buffer, value.GetType().FullName ?? value.GetType().Name);
                Text(buffer, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                // A value of a kind the model never builds: nothing can say it is unchanged, so it never hashes the same.
                Tag(buffer, '?', 0);
                Bytes(buffer, Guid.NewGuid().ToByteArray());
                break;
        }
    }

    internal static void Tag(ArrayBufferWriter<byte> buffer, char tag, int length)
    {
        var span = buffer.GetSpan(5);
        span[0] = (byte)tag;
        BitConverter.TryWriteBytes(span[1..], length);
        buffer.Advance(5);
    }

    internal static void Text(ArrayBufferWriter<byte> buffer, string text)
    {
        Tag(buffer, 's', text.Length);
        Bytes(buffer, MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static void Bytes(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }

    private sealed class Absent
    {
        public static readonly Absent Instance = new();
    }
}

/// <summary>
/// A value of a page object that is not a Scriban value but writes its own output when a template function places it
/// (the article text): <see cref="ValueHasher"/> hashes it by the inputs it names, which are everything its output
/// depends on besides what is in the page's key (the engine, the configuration, the converter, the script).
/// </summary>
internal interface IHashedByInputs
{
    void AddInputs(HashInputs inputs);
}

/// <summary>The inputs of an <see cref="IHashedByInputs"/>, added one by one to the hash being written.</summary>
internal readonly struct HashInputs(ArrayBufferWriter<byte> buffer)
{
    public void Add(string? text)
    {
        if (text is null)
        {
            ValueHasher.Tag(buffer, 'n', 0);
        }
        else
        {
            ValueHasher.Text(buffer, text);
        }
    }

    public void Add(int number) => ValueHasher.Tag(buffer, 'i', number);

    /// <summary>Adds a hash of inputs made elsewhere (once, for values many pages share).</summary>
    public void Add(byte[] hash)
    {
        ValueHasher.Tag(buffer, 'h', hash.Length);
        hash.CopyTo(buffer.GetSpan(hash.Length));
        buffer.Advance(hash.Length);
    }
}
