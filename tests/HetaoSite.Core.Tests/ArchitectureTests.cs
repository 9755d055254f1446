using System.Text.RegularExpressions;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests;

/// <summary>Design rules that a reviewer would otherwise have to remember (Statiq's QualityFixture idea).</summary>
public partial class ArchitectureTests
{
    // Folders of the engine allowed to touch the disk: loading reads, writing writes (and caches). Conversion only probes
    // where the OS package installed OpenCC's data files before binding the native library. Everything else is pure.
    private static readonly string[] DiskFolders = ["Loading", "Writing", "Conversion"];

    [GeneratedRegex(@"\b(File|Directory|FileInfo|DirectoryInfo|FileStream|StreamWriter|FileSystemWatcher)\s*[\.(]")]
    private static partial Regex DiskApi();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|CultureInfo\.CurrentCulture|\bConsole\.")]
    private static partial Regex AmbientApi();

    public static TheoryData<string> EngineFiles()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core");
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EngineFiles))]
    public void Only_loading_and_writing_touch_the_disk(string file)
    {
        if (DiskFolders.Any(folder => file.StartsWith(folder + "/", StringComparison.Ordinal)))
        {
            return;
        }

        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", file));
        var match = DiskApi().Match(StripComments(text));
        Assert.False(match.Success, $"expected no disk access outside Loading/ and Writing/, found '{match.Value}' in {file}");
    }

    [Theory]
    [MemberData(nameof(EngineFiles))]
    public void The_engine_reads_no_clock_culture_or_console(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", file));
        var match = AmbientApi().Match(StripComments(text));
        Assert.False(match.Success, $"expected no ambient input in the engine, found '{match.Value}' in {file}");
    }

    [Fact]
    public void Only_the_cli_references_asp_net_core()
    {
        var core = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", "HetaoSite.Core.csproj"));
        Assert.DoesNotContain("Microsoft.AspNetCore", core, StringComparison.Ordinal);
    }

    public static TheoryData<string> ModelTypes() =>
        [.. typeof(HetaoSite.Core.Model.Article).Assembly.GetTypes().Where(t => t.Namespace == typeof(HetaoSite.Core.Model.Article).Namespace && !t.IsEnum && !t.Name.StartsWith('<'))
            .Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Records are values: no model type holds a delegate (a callback set after construction, a factory), a lazy or
    /// weak reference, or anything of System.IO, in any field, so reading a record can never read the disk or throw
    /// an IOException. Laziness that pays is an explicit service call, visible in the types.
    /// </summary>
    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_records_hold_only_values(string typeName)
    {
        var type = typeof(HetaoSite.Core.Model.Article).Assembly.GetType(typeName)!;
        var fields = type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static
            | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        foreach (var field in fields)
        {
            var bad = Unwrapped(field.FieldType).FirstOrDefault(t => typeof(Delegate).IsAssignableFrom(t) || t.Namespace == "System.IO"
                || t == typeof(WeakReference) || (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Lazy<>) || t.GetGenericTypeDefinition() == typeof(WeakReference<>))));
            Assert.True(bad is null, $"expected {type.Name} to hold values only, but its field {field.Name} is a {bad?.Name}");
        }
    }

    /// <summary>
    /// Records are values, not queries: no model property is a deferred sequence (an IEnumerable that runs code each time
    /// it is read, over data that may have changed or gone), and no model source builds one with <c>yield</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_properties_are_not_deferred_sequences(string typeName)
    {
        var type = typeof(HetaoSite.Core.Model.Article).Assembly.GetType(typeName)!;
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public))
        {
            var t = property.PropertyType;
            var deferred = t == typeof(System.Collections.IEnumerable) || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>));
            Assert.False(deferred, $"expected {type.Name}.{property.Name} to be a list or another value, got {t.Name}");
        }
    }

    [Fact]
    public void Model_sources_build_no_lazy_sequences()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", "Model"), "*.cs"))
        {
            var text = StripComments(File.ReadAllText(file));
            var lazy = new[] { "yield return", "yield break", "Lazy<", "LazyInitializer" }.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));
            Assert.True(lazy is null, $"expected no lazily computed values in Model/, found '{lazy}' in {Path.GetFileName(file)}");
        }
    }

    [Fact]
    public void Model_sources_do_not_use_the_disk()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "HetaoSite.Core", "Model"), "*.cs"))
        {
            var text = StripComments(File.ReadAllText(file));
            Assert.False(text.Contains("System.IO", StringComparison.Ordinal) || text.Contains("IOException", StringComparison.Ordinal) || DiskApi().IsMatch(text),
                $"expected no disk access in Model/, found it in {Path.GetFileName(file)}");
        }
    }

    /// <summary>A type and the type arguments and element types inside it (List&lt;Func&lt;int&gt;&gt; → List, Func, int).</summary>
    private static IEnumerable<Type> Unwrapped(Type type)
    {
        yield return type;
        var inner = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var t in inner.SelectMany(Unwrapped))
        {
            yield return t;
        }
    }

    private static string StripComments(string code) =>
        string.Join('\n', code.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
}
