using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace HetaoSite.Core.Loading;

/// <summary>The text of a file and the name of the encoding it was decoded with, or why it could not be decoded.</summary>
/// <param name="Problem">Why the bytes are not text; null when <see cref="Text"/> is set.</param>
/// <param name="ByteOffset">Where in the file the problem is, when known.</param>
internal sealed record DecodedText(string? Text, string? Encoding, string? Problem = null, long? ByteOffset = null);

/// <summary>
/// Turns article bytes into text. Order: BOM (UTF-8, UTF-16 LE/BE) → NUL bytes mean binary → strict UTF-8 →
/// the better of GB18030 and Big5, scored by decode errors and by how many common Chinese characters each decoding
/// yields (a wrong guess produces rare characters and replacement characters). Line endings become LF and stray
/// byte order marks inside the text are dropped.
/// </summary>
internal static class TextDecoder
{
    // Frequent characters of running Chinese news text, in both scripts: a right decoding is full of them, a wrong
    // one (GBK bytes read as Big5 or the reverse) almost never produces them.
    private const string CommonCharacters =
        "的一是在不了有和人這这中大為为上個个國国我以要他時时來来用們们生到作地於于出就分對对成會会可主發发年動动同工也能下過过子說说"
        + "產产種种面而方後后多定行學学法所民得經经十三之進进著着等部度家電电力裡里如水化高自二理起小物現现實实加量都兩两體体制機机當当使點点"
        + "從从業业本去把性好應应開开它合還还因由其些然前外天政四日那社義义事平形相全表間间樣样與与關关各重新線线內内數数正心反你明看原又"
        + "只沒没結结解問问意建月公無无系軍军很情者最立代想已通並并提直題题員员位入常文總总次品式活設设及管特件長长求基資资邊边流路級级少"
        + "圖图山統统接知較较將将組组見见計计別别手期根論论運运指幾几九區区強强放決决西被做必戰战先回則则任取據据處处府研科港深圳河套創创園园";

    private static readonly HashSet<char> Common = [.. CommonCharacters];

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return StrictUtf8(bytes.AsSpan(3), 3, "utf-8-bom");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return Utf16(bytes, littleEndian: bytes[0] == 0xFF);
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            return Fail($"NUL byte at byte offset {nul}: this looks like a binary file, not text", nul);
        }

        var utf8 = StrictUtf8(bytes, 0, "utf-8");
        if (utf8.Text is not null)
        {
            return utf8;
        }

        var best = new[] { TryLegacy(bytes, "GB18030", "gb18030"), TryLegacy(bytes, "big5", "big5") }
            .Where(c => c is not null)
            .OrderByDescending(c => c!.Score)
            .FirstOrDefault();
        return best is null
            ? utf8 with { Problem = $"{utf8.Problem}, and it is not GB18030 or Big5 text either" }
            : Finish(best.Text, best.Name);
    }

    private static DecodedText StrictUtf8(ReadOnlySpan<byte> bytes, int offset, string name)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            return status == OperationStatus.Done
                ? Finish(new string(chars, 0, written), name)
                : Fail($"invalid UTF-8 at byte offset {offset + read} (line {LineAt(bytes, read)})", offset + read);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static DecodedText Utf16(byte[] bytes, bool littleEndian)
    {
        var name = littleEndian ? "utf-16le" : "utf-16be";
        if (bytes.Length % 2 != 0)
        {
            return Fail($"{name} file has an odd number of bytes ({bytes.Length}): it is truncated", bytes.Length - 1);
        }

        try
        {
            var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: false, throwOnInvalidBytes: true);
            return Finish(encoding.GetString(bytes, 2, bytes.Length - 2), name);
        }
        catch (DecoderFallbackException ex)
        {
            return Fail($"invalid {name} (unpaired surrogate) at byte offset {2 + ex.Index}", 2 + ex.Index);
        }
    }

    private sealed record Candidate(string Text, string Name, int Score);

    private static Candidate? TryLegacy(byte[] bytes, string codePage, string name)
    {
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var text = encoding.GetString(bytes);
        int errors = 0, common = 0, han = 0, controls = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF')
            {
                errors++;
            }
            else if (Common.Contains(c))
            {
                common++;
            }

            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                han++;
            }
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }
        }

        // A real legacy-encoded article is mostly Chinese; a few broken bytes are tolerated, garbage is not.
        var acceptable = han > 0 && controls == 0 && errors <= Math.Max(0, han / 100);
        return acceptable ? new Candidate(text, name, common - (10 * errors)) : null;
    }

    // What Finish changes or counts: CR, NUL, the byte order mark and control characters other than LF, tab and FF.
    private static readonly SearchValues<char> NeedsFinishing = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\n' or '\t' or '\f')), '\uFEFF']);

    private static DecodedText Finish(string text, string name)
    {
        if (!text.AsSpan().ContainsAny(NeedsFinishing))
        {
            return new DecodedText(text, name);
        }

        var builder = new StringBuilder(text.Length);
        var controls = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\0')
            {
                return Fail($"NUL character on line {LineOf(builder)}: this looks like a binary file, not text", null);
            }
            else if (char.IsControl(c) && c is not ('\n' or '\t' or '\f'))
            {
                // A stray control character is dropped; many of them mean the bytes are not text at all.
                controls++;
            }
            else if (c != '\uFEFF')
            {
                builder.Append(c);
            }
        }

        return controls > Math.Max(2, text.Length / 100)
            ? Fail($"{controls} control characters: this looks like a binary file, not text", null)
            : new DecodedText(builder.ToString(), name);
    }

    private static int LineOf(StringBuilder text)
    {
        var line = 1;
        foreach (var chunk in text.GetChunks())
        {
            line += chunk.Span.Count('\n');
        }

        return line;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    private static DecodedText Fail(string problem, long? offset) => new(null, null, problem, offset);
}
