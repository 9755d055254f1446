using System.Text.RegularExpressions;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// The headline of a dated statement in an English sentence: subject, development verb and object, from the sentence's
/// own words, in at most <see cref="TitleFaults.MaxEnglishWords"/> words. Steps:
/// <list type="number">
/// <item>the clause that holds the date (clauses end at ";", at a colon and at ", and"/", but");</item>
/// <item>a date inside a relative clause ("the park, which opened on Monday, …") makes the headline its antecedent and
///   that clause's predicate ("the park opened");</item>
/// <item>without the date and its preposition, other time phrases ("on Thursday", "today", "a month after …"), a news
///   agency's dateline, parentheses, relative or appositive clauses (", which…", ", who…") and a closing participle
///   clause (", promising …");</item>
/// <item>a clause without a subject ("and is listed…") borrows the sentence's first subject; a leading "and" goes;</item>
/// <item>a closing purpose ("… to mark it") goes; too long, adjuncts after the object are dropped from the end ("… by
///   Hong Kong and Shenzhen", "… for the Hong Kong Park"), then a participle phrase after the object ("… setting out
///   how…"), then titles of office before people's names ("Secretary for … Nicholas Yang" → "Nicholas Yang"), then the
///   "of …", "on …", "in …" phrases that qualify the subject, then the object is cut at "of", then a purpose after
///   the verb ("… signed to turn the Loop into the park") goes.</item>
/// </list>
/// </summary>
/// <example>"The park held a topping-out ceremony on Friday to mark it." → "The park held a topping-out ceremony".</example>
public static partial class EnglishTitles
{
    private const int MaxWords = TitleFaults.MaxEnglishWords;

    // Adjuncts that can go from the end of a headline without leaving it unfinished.
    private static readonly string[] Adjuncts = [" to ", " by ", " for ", " with ", " in ", " at ", " on ", " under ", " after ", " as ", " from ", " through ", " across "];

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "shall", "should",
        "held", "holds", "hold", "began", "begins", "set", "sets", "won", "took", "made", "became", "broke", "built", "led", "met",
        "rose", "sent", "spent", "struck", "told", "gave", "saw", "got", "put", "says", "said", "opens", "signs", "launches",
        "publishes", "releases", "unveils", "sign", "open", "launch", "become", "topped", "lies", "covers", "includes", "stands",
        "spans", "sits",
    };

    public static string From(string sentence, int expressionStart, int expressionLength)
    {
        var start = Math.Clamp(expressionStart, 0, sentence.Length);
        var end = Math.Clamp(expressionStart + expressionLength, start, sentence.Length);
        var text = sentence[..start] + DateMark + sentence[end..];

        text = Dateline().Replace(text, string.Empty);
        var clauses = ClauseBreak().Split(text);
        var first = clauses[0];
        var clause = clauses.FirstOrDefault(c => c.Contains(DateMark, StringComparison.Ordinal)) ?? first;

        // "X, which opened [date], has …" → "X opened".
        if (RelativeWithDate().Match(clause) is { Success: true } relative)
        {
            clause = clause[..relative.Index] + " " + relative.Groups["predicate"].Value;
        }

        clause = Parenthesis().Replace(clause, string.Empty);
        clause = Relative().Replace(clause, string.Empty);
        clause = TrailingParticiple().Replace(clause, string.Empty);
        clause = CountedTime().Replace(clause, string.Empty);
        clause = DatePhrase().Replace(clause, string.Empty);
        clause = TimePhrase().Replace(clause, string.Empty);
        clause = clause.Replace(DateMark, string.Empty, StringComparison.Ordinal);
        clause = Spaces().Replace(clause, " ").Trim(' ', ',', ';', ':', '.', '-', '—');
        clause = LeadingConjunction().Replace(clause, string.Empty);

        if (clause.Length > 0 && IsVerb(clause.Split(' ')[0]) && SubjectOf(Clean(first)) is { } subject)
        {
            clause = subject + " " + clause;
        }

        clause = Purpose().Replace(clause, string.Empty);
        clause = Shorten(clause);
        return clause.Length == 0 ? clause : char.ToUpperInvariant(clause[0]) + clause[1..];
    }

    private const string DateMark = "\u0001";

    private static string Clean(string clause) =>
        Spaces().Replace(Relative().Replace(Parenthesis().Replace(clause, string.Empty), string.Empty), " ").Trim();

    /// <summary>The words before the first verb of <paramref name="clause"/>, or null when it has none or opens with it.</summary>
    private static string? SubjectOf(string clause)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var verb = Array.FindIndex(words, IsVerb);
        return verb > 0 ? string.Join(' ', words[..verb]) : null;
    }

    private static bool IsVerb(string word)
    {
        var w = word.Trim(',', '.', ';');
        return w.Length > 0 && char.IsLower(w[0]) && (Verbs.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)));
    }

    /// <summary>At most <see cref="MaxWords"/> words, each step leaving a complete headline.</summary>
    private static string Shorten(string headline)
    {
        var words = headline.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var verb = Array.FindIndex(words, IsVerb);
        if (words.Length <= MaxWords || verb < 0)
        {
            return headline;
        }

        var subject = string.Join(' ', words[..verb]);
        var predicate = string.Join(' ', words[verb..]);

        // Adjuncts after the object, from the end, keeping the verb and at least two words of its object.
        while (TitleFaults.Words(subject) + TitleFaults.Words(predicate) > MaxWords && LastAdjunct(predicate) is > 0 and var cut
               && TitleFaults.Words(predicate[..cut]) >= 3)
        {
            predicate = predicate[..cut];
        }

        // "… a development outline setting out how …": a participle phrase after the object.
        if (TitleFaults.Words(subject) + TitleFaults.Words(predicate) > MaxWords && Participle().Match(predicate) is { Success: true } participle
            && TitleFaults.Words(predicate[..participle.Index]) >= 3)
        {
            predicate = predicate[..participle.Index];
        }

        // "Secretary for Innovation & Technology Nicholas Yang and Shenzhen Vice Mayor Ai Xuefeng": people by their names.
        if (TitleFaults.Words(subject) + TitleFaults.Words(predicate) > MaxWords)
        {
            subject = OfficeAndName().Replace(subject, "${name}");
        }

        // "The Government of the Hong Kong Special Administrative Region and …", "The joint task force on the … Park in the
        // Lok Ma Chau Loop": the subject without the phrases that qualify it by name.
        if (TitleFaults.Words(subject) + TitleFaults.Words(predicate) > MaxWords)
        {
            subject = Spaces().Replace(OfPhrase().Replace(subject, string.Empty), " ").Trim();
        }

        // The object cut at its first "of": "signed up its first batch of about 60 partner companies" → "… its first batch".
        if (TitleFaults.Words(subject) + TitleFaults.Words(predicate) > MaxWords && predicate.IndexOf(" of ", StringComparison.Ordinal) is > 0 and var of
            && TitleFaults.Words(predicate[..of]) >= 3)
        {
            predicate = predicate[..of];
        }

        // "… signed to turn the Loop into the park": a purpose after the verb, when nothing shorter is left to cut.
        if (TitleFaults.Words(subject) + TitleFaults.Words(predicate) > MaxWords && Infinitive().Match(predicate) is { Success: true, Index: > 0 } infinitive)
        {
            predicate = predicate[..infinitive.Index];
        }

        return subject + " " + predicate;
    }

    private static int LastAdjunct(string predicate) => Adjuncts.Max(a => predicate.LastIndexOf(a, StringComparison.Ordinal));

    // Main clauses: at ";", at a colon, and at ", and" / ", but" that start a new one.
    [GeneratedRegex(@";\s*|:\s+|,\s+(?=(?:and|but)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    // A news agency's dateline: "HONG KONG, Nov. 20 (Xinhua) -- ".
    [GeneratedRegex(@"^[A-Z][A-Z .'-]+,\s+[^()]{0,30}\([A-Za-z .]+\)\s*(?:--|—|–)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    // ", which opened [date]," with the date inside it.
    [GeneratedRegex(@",\s+(?:which|that|who)\s+(?<predicate>[^,;]*\u0001[^,;]*)(?:,|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeWithDate();

    [GeneratedRegex(@"\s*\([^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesis();

    // ", which are expected to…", ", who…": clauses that describe rather than tell.
    [GeneratedRegex(@",\s+(?:which|who|whose|where|when)\s[^,;]*(?=,|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    // The date with the words that attach it: "on [date]", "in [date]", "since [date]", "earlier [date]".
    [GeneratedRegex(@"(?i:\s*\b(?:on|in|at|since|from|by|as of|until|earlier|later|that)\s+)?\u0001(?:\s*,)?", RegexOptions.CultureInvariant)]
    private static partial Regex DatePhrase();

    [GeneratedRegex(@"(?i)\s*\b(?:(?:on|last|this|earlier|later)\s+)?(?:today|yesterday|tonight|this year|last year|this month|last month|this week|last week|that day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimePhrase();

    // "… to mark it": the purpose of what was done, not what was done.
    [GeneratedRegex(@"\s+to\s+[a-z]+\s+(?:it|this|that|them|the occasion)$", RegexOptions.CultureInvariant)]
    private static partial Regex Purpose();

    [GeneratedRegex(@"\s(?:so as |in order )?to\s+[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Infinitive();

    // ", promising green channels for …": a participle clause closing the sentence describes what was done.
    [GeneratedRegex(@",\s+[a-z]{3,}ing\s[^,;]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParticiple();

    // ", a month after the two governments signed …", "two years later": time counted from another event.
    [GeneratedRegex(@",?\s*\b(?:a|an|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before)\s[^,;]*|,?\s*\b(?:a|an|one|two|three|four|five|six|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CountedTime();

    [GeneratedRegex(@"\s[a-z]{3,}ing\s", RegexOptions.CultureInvariant)]
    private static partial Regex Participle();

    [GeneratedRegex(@"^(?:and|but|also|then)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConjunction();

    // A title of office, with the place or portfolio it belongs to, before a person's two-word name.
    [GeneratedRegex(@"(?:\b[A-Z][a-z]+\s+)?\b(?:Deputy\s+|Vice\s+|Under\s+|Permanent\s+)?(?:Secretary|Minister|Mayor|Chief\s+Executive|Director|Chairman|Chairwoman|Chairperson|President|Commissioner|Governor|Party\s+Secretary)(?:\s+(?:for|of)\s+[^,;]*?)?\s+(?<name>[A-Z][a-z]+\s+[A-Z][a-z]+(?:-[a-z]+)?)(?=\s+and\s|$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex OfficeAndName();

    [GeneratedRegex(@"\s+(?:of|on|in|for)\s+(?:the\s+)?[A-Z][^,]*?(?=\s+and\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex OfPhrase();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
