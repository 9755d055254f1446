using System.Collections;
using System.Reflection;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>
/// Compares two object graphs member by member: records holding lists compare those lists by reference, so plain
/// <see cref="object.Equals(object?)"/> would prove nothing about a round trip.
/// </summary>
public static class DeepEquality
{
    /// <summary>The first difference as "path: expected X, got Y", or null when the graphs are equal.</summary>
    public static string? FirstDifference(object? expected, object? actual, string path = "value")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }

        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || expected is string || type.IsValueType)
        {
            return Equals(expected, actual) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }

        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = actualItems.Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: expected {left.Count} items, got {right.Count}";
            }

            return left.Zip(right).Select((pair, i) => FirstDifference(pair.First, pair.Second, $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        if (actual.GetType() != type)
        {
            return $"{path}: expected a {type.Name}, got a {actual.GetType().Name}";
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => FirstDifference(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}"))
            .FirstOrDefault(d => d is not null);
    }

    public static void AssertEqual(object? expected, object? actual)
    {
        var difference = FirstDifference(expected, actual);
        Assert.True(difference is null, difference);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
