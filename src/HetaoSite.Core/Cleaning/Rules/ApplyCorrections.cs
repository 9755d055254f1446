using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 2. The article's <c>corrections</c> from <c>site-config.yml</c> (literal find → replace), matched against the
/// source text after whitespace normalisation, so a correction can also repair mojibake and pinyin-annotated words.
/// Each replacement is counted; a correction that matches nothing is warning HS0131.
/// </summary>
public static class ApplyCorrections
{
    public static CleaningPass Apply(CleaningPass pass)
    {
        if (pass.Override is not { Corrections.Count: > 0 } articleOverride)
        {
            return pass;
        }

        var blocks = pass.Blocks.ToList();
        var diagnostics = pass.Diagnostics.ToList();
        var applied = 0;
        foreach (var correction in articleOverride.Corrections)
        {
            if (correction.Find.Length == 0)
            {
                continue;
            }

            var count = 0;
            for (var i = 0; i < blocks.Count; i++)
            {
                var hits = Count(blocks[i].Text, correction.Find);
                if (hits > 0)
                {
                    count += hits;
                    blocks[i] = blocks[i] with { Text = blocks[i].Text.Replace(correction.Find, correction.Replace, StringComparison.Ordinal) };
                }
            }

            if (count == 0)
            {
                diagnostics.Add(Diagnostic.Warning("HS0131",
                    $"correction '{correction.Find}' → '{correction.Replace}' (site-config.yml line {articleOverride.Line}) matches nothing in {pass.FileName}",
                    pass.FileName, hint: "copy the text to find exactly from the article file, or remove the correction"));
            }

            applied += count;
        }

        return pass with
        {
            Blocks = blocks.Where(b => b.Text.Trim().Length > 0).Select(b => b with { Text = NormalizeWhitespace.Normalize(b.Text) }).ToList(),
            Diagnostics = diagnostics,
            Stats = pass.Stats with { CorrectionsApplied = pass.Stats.CorrectionsApplied + applied },
        };
    }

    private static int Count(string text, string find)
    {
        var count = 0;
        for (var i = text.IndexOf(find, StringComparison.Ordinal); i >= 0; i = text.IndexOf(find, i + find.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
