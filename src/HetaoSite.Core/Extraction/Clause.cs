namespace HetaoSite.Core.Extraction;

/// <summary>A clause of a sentence: the text between commas, colons and semicolons, with its offset in the sentence.</summary>
public readonly record struct Clause(int Start, string Text)
{
    public int End => Start + Text.Length;

    private const string Separators = "，,：:；;。！？!?";

    [ThreadStatic]
    private static (string Text, int[] Depths)? _last;

    /// <summary>Opening brackets and quotation marks; <see cref="Closers"/> holds their closing forms at the same positions.</summary>
    public const string Openers = "“「『《(（【‘";

    /// <summary>Closing brackets and quotation marks, matching <see cref="Openers"/>.</summary>
    public const string Closers = "”」』》)）】’";

    /// <summary>
    /// How deep each character of <paramref name="text"/> sits inside brackets and quotation marks that are closed: 0
    /// outside, 1 for a bracket itself and what it encloses at the first level. An opener that is never closed, or a
    /// closer that closes nothing, counts as an ordinary character.
    /// </summary>
    /// <example>"發布《規劃》等" → [0, 0, 1, 1, 1, 1, 0]; "說“好，" → [0, 0, 0, 0].</example>
    /// <remarks>
    /// The same text is often asked about several times in a row (its clauses, its verb, its title), so each thread
    /// keeps the depths of the last text it was asked about; they are read-only.
    /// </remarks>
    public static ReadOnlySpan<int> Depths(string text)
    {
        if (_last is { } last && ReferenceEquals(last.Text, text))
        {
            return last.Depths;
        }

        var depths = new int[text.Length];
        _last = (text, depths);
        List<(int At, char Closer)>? open = null;
        for (var i = 0; i < text.Length; i++)
        {
            var o = Openers.IndexOf(text[i]);
            if (o >= 0)
            {
                (open ??= []).Add((i, Closers[o]));
                continue;
            }

            if (open is null || !Closers.Contains(text[i]))
            {
                continue;
            }

            var match = open.Count - 1;
            while (match >= 0 && open[match].Closer != text[i])
            {
                match--;
            }

            if (match < 0)
            {
                continue;
            }

            // Openers left unclosed inside this pair count for nothing.
            var at = open[match].At;
            open.RemoveRange(match, open.Count - match);
            for (var k = at; k <= i; k++)
            {
                depths[k]++;
            }
        }

        return depths;
    }

    /// <summary>The first index of <paramref name="value"/> outside brackets and quotes, at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOfTopLevel(string text, string value, int from = 0)
    {
        var depths = Depths(text);
        for (var i = text.IndexOf(value, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            if (depths[i] == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The last index of <paramref name="value"/> outside brackets and quotes, before <paramref name="before"/>, or -1.</summary>
    public static int LastIndexOfTopLevel(string text, string value, int before = int.MaxValue)
    {
        var depths = Depths(text);
        var last = -1;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0 && i + value.Length <= Math.Min(before, text.Length); i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            if (depths[i] == 0)
            {
                last = i;
            }
        }

        return last;
    }

    /// <summary>"去年9月，園區發布首單試點業務，讓資金流動" → ["去年9月", "園區發布首單試點業務", "讓資金流動"], quotes kept whole.</summary>
    /// <remarks>Only a quotation or bracket that is closed protects its commas: a stray “ (a damaged copy) glues nothing.</remarks>
    public static IReadOnlyList<Clause> Split(string sentence)
    {
        var clauses = new List<Clause>();
        var depths = Depths(sentence);
        var start = 0;
        for (var i = 0; i <= sentence.Length; i++)
        {
            if (i == sentence.Length || (depths[i] == 0 && Separators.Contains(sentence[i])))
            {
                if (i > start)
                {
                    clauses.Add(new Clause(start, sentence[start..i]));
                }

                start = i + 1;
            }
        }

        return clauses;
    }
}
