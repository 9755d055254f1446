namespace HetaoSite.Core.Extraction;

/// <summary>A clause of a sentence: the text between commas, colons and semicolons, with its offset in the sentence.</summary>
public readonly record struct Clause(int Start, string Text)
{
    public int End => Start + Text.Length;

    private const string Separators = "，,：:；;。！？!?";

    /// <summary>"去年9月，園區發布首單試點業務，讓資金流動" → ["去年9月", "園區發布首單試點業務", "讓資金流動"], quotes kept whole.</summary>
    public static IReadOnlyList<Clause> Split(string sentence)
    {
        var clauses = new List<Clause>();
        var start = 0;
        var quoteDepth = 0;
        for (var i = 0; i <= sentence.Length; i++)
        {
            var c = i < sentence.Length ? sentence[i] : '，';
            if (c is '“' or '「' or '『' or '《' or '(' or '（')
            {
                quoteDepth++;
            }
            else if (c is '”' or '」' or '』' or '》' or ')' or '）')
            {
                quoteDepth = Math.Max(0, quoteDepth - 1);
            }
            else if ((quoteDepth == 0 || i == sentence.Length) && Separators.Contains(c))
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
