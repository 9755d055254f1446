namespace HetaoSite.Cli;

/// <summary>
/// The arguments after the verb: <c>--name value</c> options, <c>--flag</c> switches and positional values.
/// Unknown options are usage errors, so a typo never silently changes what a command does.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CommandArguments(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> take a value, <paramref name="switches"/> do not.</summary>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> switches)
    {
        var positional = new List<string>();
        var result = new CommandArguments(positional);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? inlineValue = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inlineValue = name[(eq + 1)..];
                name = name[..eq];
            }

            if (switches.Contains(name) && inlineValue is null)
            {
                result._options[name] = null;
            }
            else if (valued.Contains(name))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"--{name} needs a value"));
                result._options[name] = value;
            }
            else
            {
                throw new UsageException($"unknown option --{name}");
            }
        }

        return result;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => _options.ContainsKey(name);
}

/// <summary>A mistake in how the command was called (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
