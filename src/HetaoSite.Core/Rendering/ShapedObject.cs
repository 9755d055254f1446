using System.Collections;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The members of one kind of model object (an event, a source, an article summary), in order, and whether its objects
/// are shared by many pages: <see cref="ValueHasher"/> hashes a shared object once and keeps the hash on it.
/// </summary>
internal sealed class ObjectShape
{
    private readonly Dictionary<string, int> _index;

    public ObjectShape(bool shared, params string[] members)
    {
        Shared = shared;
        Members = members;
        _index = new Dictionary<string, int>(members.Length, StringComparer.Ordinal);
        for (var i = 0; i < members.Length; i++)
        {
            _index.Add(members[i], i);
        }
    }

    public bool Shared { get; }

    public string[] Members { get; }

    /// <summary>The place of <paramref name="member"/>, or -1 when objects of this shape do not have it.</summary>
    public int IndexOf(string member) => _index.TryGetValue(member, out var index) ? index : -1;
}

/// <summary>
/// A read-only template object of a fixed shape: its values in one array, its member names its shape's. A rendering
/// builds an object for every event, every source and every article summary, tens of thousands on a large site, and a
/// <see cref="ScriptObject"/> gives each a dictionary of its own (most of the memory they took, and of the time to build
/// them); these share one table of names per kind. Templates read members as they read a <see cref="ScriptObject"/>'s (a
/// member the shape does not have is null), and Scriban's builtins see it as they see one (a read-only dictionary:
/// <c>object.keys</c>, <c>object.has_key</c>, <c>object.to_json</c>, <c>for</c> over its members, printing it), but no
/// template can change it.
/// </summary>
internal sealed class ShapedObject : IScriptObject, IDictionary<string, object?>, IFormattable
{
    private readonly object?[] _values;

    public ShapedObject(ObjectShape shape)
    {
        Shape = shape;
        _values = new object?[shape.Members.Length];
    }

    /// <summary>An object whose first members are <paramref name="start"/>'s: <paramref name="shape"/> begins with its shape's members.</summary>
    public ShapedObject(ObjectShape shape, ShapedObject start)
        : this(shape)
    {
        if (!shape.Members.AsSpan(0, start.Count).SequenceEqual(start.Shape.Members))
        {
            throw new ArgumentException("the shape does not begin with the members of the object it starts from", nameof(shape));
        }

        start._values.CopyTo(_values, 0);
    }

    public ObjectShape Shape { get; }

    /// <summary>
    /// When the shape is shared, the object's hash, kept on it once computed (<see cref="ValueHasher"/>): no table shared by
    /// the threads is looked up or grown. Two threads may both compute it; they find the same bytes.
    /// </summary>
    internal byte[]? Hash;

    /// <summary>A member's value (null for a member the shape does not have); set only while the model builds the object.</summary>
    public object? this[string member]
    {
        get => Shape.IndexOf(member) is var index and >= 0 ? _values[index] : null;
        init => _values[Shape.IndexOf(member) is var index and >= 0 ? index
            : throw new ArgumentException($"{member} is not a member of this kind of object", nameof(member))] = value;
    }

    public int Count => _values.Length;

    public bool IsReadOnly
    {
        get => true;
        set
        {
        }
    }

    public IEnumerable<string> GetMembers() => Shape.Members;

    public bool Contains(string member) => Shape.IndexOf(member) >= 0;

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        var index = Shape.IndexOf(member);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public bool CanWrite(string member) => false;

    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) => false;

    public bool Remove(string member) => false;

    public void SetReadOnly(string member, bool readOnly)
    {
    }

    /// <summary>The object itself: it cannot change, so a copy would be the same.</summary>
    public IScriptObject Clone(bool deep) => this;

    ICollection<string> IDictionary<string, object?>.Keys => Shape.Members;

    ICollection<object?> IDictionary<string, object?>.Values => Array.AsReadOnly(_values);

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => true;

    object? IDictionary<string, object?>.this[string key]
    {
        get => this[key];
        set => throw new NotSupportedException("a shaped object cannot be changed");
    }

    public bool ContainsKey(string key) => Contains(key);

    public bool TryGetValue(string key, out object? value) => TryGetValue(null, default, key, out value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var item in this)
        {
            array[arrayIndex++] = item;
        }
    }

    void IDictionary<string, object?>.Add(string key, object? value) => throw new NotSupportedException("a shaped object cannot be changed");

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => throw new NotSupportedException("a shaped object cannot be changed");

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) => false;

    void ICollection<KeyValuePair<string, object?>>.Clear() => throw new NotSupportedException("a shaped object cannot be changed");

    /// <summary>As a template prints a <see cref="ScriptObject"/>: <c>{title: "…", sources: […]}</c>.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (formatProvider is not TemplateContext context)
        {
            return base.ToString() ?? string.Empty;
        }

        var text = new System.Text.StringBuilder("{");
        for (var i = 0; i < _values.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(Shape.Members[i]).Append(": ").Append(context.ObjectToString(_values[i], true));
        }

        return text.Append('}').ToString();
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(Shape.Members[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
