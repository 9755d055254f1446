namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>How a number was written.</summary>
internal enum NumeralKind
{
    /// <summary>ASCII or full-width digits: 2019, ０８.</summary>
    Arabic,

    /// <summary>Chinese numerals with units or a single digit: 十二, 二十九, 两千零四, 三.</summary>
    HanziValue,

    /// <summary>Chinese digits read one by one: 二〇二三, 零八.</summary>
    HanziDigits,
}

/// <summary>
/// One number in the text, Arabic or Chinese. <see cref="Value"/> is -1 when the run is not a readable
/// number (十四五, or more than nine digits) — the scanner still skips the whole run.
/// </summary>
/// <example>"二〇二三年" at 0 → Numeral(0, 4, 2023, 4, HanziDigits, false).</example>
internal readonly record struct Numeral(int Start, int End, long Value, int Digits, NumeralKind Kind, bool LeadingZero)
{
    public bool IsValid => Value >= 0;

    public bool IsArabic => Kind == NumeralKind.Arabic;

    /// <summary>Reads the digit run or Chinese numeral run starting at <paramref name="i"/>.</summary>
    public static bool TryRead(string text, int i, out Numeral numeral)
    {
        numeral = default;
        if (i < 0 || i >= text.Length)
        {
            return false;
        }

        if (CharInfo.IsDigit(text[i]))
        {
            var end = i;
            long value = 0;
            while (end < text.Length && CharInfo.IsDigit(text[end]))
            {
                if (end - i < 9)
                {
                    value = (value * 10) + CharInfo.DigitValue(text[end]);
                }

                end++;
            }

            var digits = end - i;
            numeral = new Numeral(i, end, digits > 9 ? -1 : value, digits, NumeralKind.Arabic, digits > 1 && CharInfo.DigitValue(text[i]) == 0);
            return true;
        }

        if (!CharInfo.IsHanziNumeral(text[i]))
        {
            return false;
        }

        var runEnd = i;
        while (runEnd < text.Length && CharInfo.IsHanziNumeral(text[runEnd]))
        {
            runEnd++;
        }

        numeral = ParseHanzi(text, i, runEnd);
        return true;
    }

    private static Numeral ParseHanzi(string text, int start, int end)
    {
        var length = end - start;
        var hasUnit = false;
        for (var k = start; k < end; k++)
        {
            hasUnit |= CharInfo.HanziUnit(text[k]) > 0;
        }

        if (!hasUnit)
        {
            if (length == 1)
            {
                return new Numeral(start, end, CharInfo.HanziDigit(text[start]), 1, NumeralKind.HanziValue, false);
            }

            if (length > 9)
            {
                return new Numeral(start, end, -1, length, NumeralKind.HanziDigits, false);
            }

            long digitsValue = 0;
            for (var k = start; k < end; k++)
            {
                // 两 is a count word, never a digit in 二〇二三-style numbers.
                if (text[k] is '两' or '兩')
                {
                    return new Numeral(start, end, -1, length, NumeralKind.HanziDigits, false);
                }

                digitsValue = (digitsValue * 10) + CharInfo.HanziDigit(text[k]);
            }

            return new Numeral(start, end, digitsValue, length, NumeralKind.HanziDigits, CharInfo.HanziDigit(text[start]) == 0);
        }

        long total = 0;
        long section = 0;
        var pending = -1;
        for (var k = start; k < end; k++)
        {
            var digit = CharInfo.HanziDigit(text[k]);
            if (digit == 0)
            {
                if (pending >= 0)
                {
                    return Invalid();
                }

                continue;
            }

            if (digit > 0)
            {
                if (pending >= 0)
                {
                    return Invalid();
                }

                pending = digit;
                continue;
            }

            var unit = CharInfo.HanziUnit(text[k]);
            if (unit == 10000)
            {
                section += Math.Max(pending, 0);
                if (section == 0 || total > 0)
                {
                    return Invalid();
                }

                total = section * 10000;
                section = 0;
            }
            else
            {
                section += (pending < 0 ? 1 : pending) * unit;
            }

            pending = -1;
        }

        section += Math.Max(pending, 0);
        return new Numeral(start, end, total + section, length, NumeralKind.HanziValue, false);

        Numeral Invalid() => new(start, end, -1, length, NumeralKind.HanziValue, false);
    }
}
