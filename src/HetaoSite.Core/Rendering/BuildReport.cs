using System.Runtime.InteropServices;
using System.Text.Json;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The data-quality report: per article, dates found, kept, dropped and why, and events known only to the year or month.
/// Shown on the About page and written to <c>data/report.json</c>.
/// </summary>
public static class BuildReport
{
    private static readonly JsonEncodedText File = JsonOutput.Name("file");
    private static readonly JsonEncodedText Article = JsonOutput.Name("article");
    private static readonly JsonEncodedText DatesFound = JsonOutput.Name("dates_found");
    private static readonly JsonEncodedText Kept = JsonOutput.Name("kept");
    private static readonly JsonEncodedText DroppedName = JsonOutput.Name("dropped");
    private static readonly JsonEncodedText YearOnly = JsonOutput.Name("events_year_only");
    private static readonly JsonEncodedText MonthOnly = JsonOutput.Name("events_month_only");

    private static readonly Dictionary<DropReason, string> Names = Enum.GetValues<DropReason>().ToDictionary(r => r, NameOf);

    /// <summary>Each reason's name by its value (null for values that are not reasons): looked up for every dropped date
    /// without a dictionary of enum keys, which boxed the key on every lookup.</summary>
    private static readonly string?[] NamesByValue = ByValue();

    /// <summary>The reasons in ordinal order of their names.</summary>
    private static readonly DropReason[] ReasonsByName = [.. Names.OrderBy(n => n.Value, StringComparer.Ordinal).Select(n => n.Key)];

    /// <summary>For each reason's value, its place in <see cref="ReasonsByName"/> (-1 for values that are not reasons).</summary>
    private static readonly int[] ReasonSlots = Slots();

    private static readonly JsonEncodedText DroppedDates = JsonOutput.Name("dropped_dates");

    public sealed record ArticleLine(string File, string ArticleId, int Found, int Kept, IReadOnlyDictionary<string, int> Dropped, int YearOnly, int MonthOnly,
        IReadOnlyList<Drop>? Drops = null);

    /// <summary>One dropped date as listed: its expression, reason (as named in <c>dropped</c>), detail, sentence, source line, and
    /// the id to list under <c>events.keep</c> (for the drops a maintainer may overrule).</summary>
    public sealed record Drop(string Expression, string Reason, string? Detail, string? Sentence, int? Line, string? Id);

    public static IReadOnlyList<ArticleLine> Lines(SiteContent content) => Lines(content.Articles, content.Timeline);

    public static IReadOnlyList<ArticleLine> Lines(IReadOnlyList<ArticleExtraction> articles, SiteTimeline timeline)
    {
        // Year- and month-only events per article; an event quoting several sentences of one article counts once.
        var precision = new Dictionary<string, (int Year, int Month)>(StringComparer.Ordinal);
        foreach (var e in timeline.Events)
        {
            var sources = e.Sources;
            for (var i = 0; i < sources.Count; i++)
            {
                var id = sources[i].ArticleId;
                if (FirstIndexOf(sources, id) < i)
                {
                    continue;
                }

                ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(precision, id, out _);
                counts = (counts.Year + (e.Precision == DatePrecision.Year ? 1 : 0), counts.Month + (e.Precision == DatePrecision.Month ? 1 : 0));
            }
        }

        return articles.Select(a =>
        {
            var (year, month) = precision.GetValueOrDefault(a.Article.Id);
            return new ArticleLine(a.Article.FileName, a.Article.Id, a.DatesFound, a.Statements.Count, Dropped(a.Dropped), year, month, Drops(a));
        }).ToList();
    }

    /// <summary>An article's dropped dates in the order of its text (bylines first), with the source line of their block.</summary>
    private static List<Drop> Drops(ArticleExtraction a) =>
        [.. a.Dropped.Select(d => new Drop(d.Expression, Name(d.Reason), d.Detail, d.Sentence,
            d.Block >= 0 && d.Block < a.Article.Blocks.Count ? a.Article.Blocks[d.Block].Line : null, d.Id))];

    /// <summary>
    /// <c>{"articles":[{"file","article","dates_found","kept","dropped":{reason: count},"dropped_dates":[{"expression","reason","detail"?,"sentence"?,"line"?,"id"?}],
    /// "events_year_only","events_month_only"}], "events","figures","possible_duplicates":[{"first":{"id","date","end"?,"title"},"second":{…}}],
    /// "diagnostics":[{"severity","code","file"?,"line"?,"message","hint"?}]}</c>, indented. The diagnostics are every one
    /// the build found before rendering, in the order found: the full list the console only summarises.
    /// </summary>
    public static byte[] ToBytes(SiteContent content) => ToBytes(content, Lines(content));

    /// <param name="lines">The site's lines (<see cref="Lines(SiteContent)"/>).</param>
    internal static byte[] ToBytes(SiteContent content, IReadOnlyList<ArticleLine> lines) =>
        JsonPieces.WriteArray(lines, indented: true, 300, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("articles");
        }, WriteLine, json =>
        {
            json.WriteNumber("events", content.Timeline.Events.Count);
            json.WriteNumber("figures", content.Timeline.Figures.Count);
            json.WriteStartArray("possible_duplicates");
            foreach (var pair in content.Timeline.PossibleDuplicates)
            {
                json.WriteStartObject();
                WriteEvent(json, "first", pair.First);
                WriteEvent(json, "second", pair.Second);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in content.Diagnostics)
            {
                WriteDiagnostic(json, diagnostic);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteEvent(Utf8JsonWriter json, string name, TimelineEvent e)
    {
        json.WriteStartObject(name);
        json.WriteString("id", e.Id);
        json.WriteString("date", e.Date.ToString());
        if (e.End is { } end)
        {
            json.WriteString("end", end.ToString());
        }

        json.WriteString("title", e.Title);
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        json.WriteString("code", diagnostic.Code);
        if (diagnostic.File is { } file)
        {
            json.WriteString("file", file);
        }

        if (diagnostic.Line is { } line)
        {
            json.WriteNumber("line", line);
        }

        json.WriteString("message", diagnostic.Message);
        if (diagnostic.Hint is { } hint)
        {
            json.WriteString("hint", hint);
        }

        json.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter json, ArticleLine line)
    {
        json.WriteStartObject();
        json.WriteString(File, line.File);
        json.WriteString(Article, line.ArticleId);
        json.WriteNumber(DatesFound, line.Found);
        json.WriteNumber(Kept, line.Kept);
        json.WriteStartObject(DroppedName);
        foreach (var (reason, count) in line.Dropped)
        {
            json.WriteNumber(reason, count);
        }

        json.WriteEndObject();
        json.WriteStartArray(DroppedDates);
        foreach (var drop in line.Drops ?? [])
        {
            json.WriteStartObject();
            json.WriteString("expression", drop.Expression);
            json.WriteString("reason", drop.Reason);
            WriteIfSet(json, "detail", drop.Detail);
            WriteIfSet(json, "sentence", drop.Sentence);
            if (drop.Line is { } sourceLine)
            {
                json.WriteNumber("line", sourceLine);
            }

            WriteIfSet(json, "id", drop.Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber(YearOnly, line.YearOnly);
        json.WriteNumber(MonthOnly, line.MonthOnly);
        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>"dates: 120 found, 28 kept, 92 dropped (caption 5, duration 20, …)" — the console's one-line summary.</summary>
    public static string Summary(IReadOnlyList<ArticleLine> lines)
    {
        var dropped = DroppedTotals(lines);
        var detail = dropped.Count == 0 ? string.Empty : " (" + string.Join(", ", dropped.Select(d => $"{d.Key.Replace('_', ' ')} {d.Value}")) + ")";
        return $"dates: {lines.Sum(l => l.Found)} found, {lines.Sum(l => l.Kept)} kept, {dropped.Values.Sum()} dropped{detail}; " +
            $"{lines.Sum(l => l.YearOnly)} events known only to the year, {lines.Sum(l => l.MonthOnly)} to the month";
    }

    /// <summary>Dropped dates per reason over all <paramref name="lines"/>, the most frequent reason first (ties in ordinal order).</summary>
    public static IReadOnlyDictionary<string, int> DroppedTotals(IReadOnlyList<ArticleLine> lines)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (reason, count) in lines.SelectMany(l => l.Dropped))
        {
            totals[reason] = totals.GetValueOrDefault(reason) + count;
        }

        return totals.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>One article's line of the console report.</summary>
    public static string Describe(ArticleLine line) =>
        $"  {line.File}: {line.Found} found, {line.Kept} kept" + (line.Dropped.Count == 0 ? string.Empty
            : "; dropped " + string.Join(", ", line.Dropped.Select(kv => $"{kv.Key.Replace('_', ' ')} {kv.Value}")));

    /// <summary>DropReason.OutOfWindow → "out_of_window".</summary>
    public static string Name(DropReason reason) =>
        (uint)reason < (uint)NamesByValue.Length && NamesByValue[(int)reason] is { } name ? name : NameOf(reason);

    private static string?[] ByValue()
    {
        var names = new string?[Math.Max(0, Names.Keys.Max(r => (int)r)) + 1];
        foreach (var (reason, name) in Names)
        {
            if ((int)reason >= 0)
            {
                names[(int)reason] = name;
            }
        }

        return names;
    }

    private static string NameOf(DropReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Dropped dates per reason name, in ordinal order of the names.</summary>
    private static Dictionary<string, int> Dropped(IReadOnlyList<DroppedDate> dropped)
    {
        // Counted per reason in an array (ten thousand articles, a dozen reasons); a reason outside the enum (never made
        // by the extractor) takes the general way.
        Span<int> counts = stackalloc int[ReasonsByName.Length];
        foreach (var date in dropped)
        {
            var reason = (int)date.Reason;
            if ((uint)reason >= (uint)ReasonSlots.Length || ReasonSlots[reason] < 0)
            {
                return DroppedByName(dropped);
            }

            counts[ReasonSlots[reason]]++;
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                result.Add(Name(ReasonsByName[i]), counts[i]);
            }
        }

        return result;
    }

    private static Dictionary<string, int> DroppedByName(IReadOnlyList<DroppedDate> dropped) =>
        dropped.GroupBy(d => Name(d.Reason)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static int[] Slots()
    {
        var slots = new int[Math.Max(0, Names.Keys.Max(r => (int)r)) + 1];
        Array.Fill(slots, -1);
        for (var i = 0; i < ReasonsByName.Length; i++)
        {
            if ((int)ReasonsByName[i] >= 0)
            {
                slots[(int)ReasonsByName[i]] = i;
            }
        }

        return slots;
    }

    private static int FirstIndexOf(IReadOnlyList<EventSource> sources, string articleId)
    {
        for (var i = 0; ; i++)
        {
            if (string.Equals(sources[i].ArticleId, articleId, StringComparison.Ordinal))
            {
                return i;
            }
        }
    }
}
