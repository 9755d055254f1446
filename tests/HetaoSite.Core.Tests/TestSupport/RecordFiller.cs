using System.Reflection;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>
/// Builds a record through its widest public constructor with every parameter set to a distinct non-default value
/// (or, with <c>nulls</c>, every nullable one set to null), recursively. A member added to a record later is filled
/// too, so a serializer that forgets it fails a round-trip test instead of silently dropping it.
/// </summary>
public sealed class RecordFiller(bool nulls = false)
{
    private readonly NullabilityInfoContext _nullability = new();
    private int _counter;

    public T Create<T>() => (T)Create(typeof(T));

    public object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.Name} has no public constructor: teach RecordFiller to make one");
        var arguments = constructor.GetParameters().Select(p => Value(p.ParameterType, _nullability.Create(p))).ToArray();
        return constructor.Invoke(arguments);
    }

    private object? Value(Type type, NullabilityInfo nullability)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (nulls && (underlying is not null || nullability.WriteState == NullabilityState.Nullable))
        {
            return null;
        }

        type = underlying ?? type;
        var n = ++_counter;
        if (type == typeof(string))
        {
            return $"文字{n}·x";
        }

        if (type == typeof(int))
        {
            return n % 2 == 0 ? n * 100_003 : -n; // large and negative values too
        }

        if (type == typeof(long))
        {
            return (long)n * 5_000_000_011L; // beyond int
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(1 + (n % (values.Length - 1)))!; // never the default (first) member
        }

        if (type == typeof(PartialDate))
        {
            return new PartialDate(2001 + (n % 20), 1 + (n % 12), 1 + (n % 28));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var elementType = type.GetGenericArguments()[0];
            var elementNullability = nullability.GenericTypeArguments[0];
            var items = Array.CreateInstance(elementType, 3);
            for (var i = 0; i < items.Length; i++)
            {
                items.SetValue(nulls && i == 1 && elementNullability.ReadState == NullabilityState.Nullable ? null : Value(elementType, elementNullability), i);
            }

            return items;
        }

        if (type.IsClass && type.Namespace == typeof(Article).Namespace)
        {
            return Create(type);
        }

        throw new InvalidOperationException($"RecordFiller cannot make a {type.Name}: add it here");
    }
}
