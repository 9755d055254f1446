using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The binary form of one article cache entry: the key it was stored under and the per-article result, field by field.
/// </summary>
/// <remarks>
/// <para>Layout: <c>"HTAC"</c>, format (int32 little-endian), key (length byte + ASCII), SHA-256 of the rest, the
/// string table (count, then each distinct string as its length and UTF-16LE code units), then the records in
/// declaration order with integers as LEB128 (signed ones zig-zag), strings as 1 + their table index (0 for null),
/// enums as their number, dates as year, month, day (0 for none), nullables behind a 0/1 flag and lists behind their
/// count. A sentence's text that is the slice of its block at its offset is stored as that slice's length (sentences
/// partition the blocks, so this halves the text stored); the shortcut is used only when it reproduces the text.</para>
/// <para>An extraction starts with its page section (format 3): what only the article's own page needs — blocks,
/// sentences, and the converted texts after those shown beyond the page (<see cref="DisplayedTexts.Head"/>) — as a
/// byte count and bytes with a string table of their own. The reader keeps those bytes and decodes them when one of
/// them is first read (<see cref="CachedArticlePage"/>); a rebuild takes most article pages from the page cache, so
/// it decodes the metadata, statements (each with its sentence), figures and dropped dates of every article and the
/// page section of almost none: at ten thousand articles `load+extract` went from 1.8–2.0 s to 1.1–1.3 s and the heap
/// after it from 235 to 127 MB.</para>
/// <para>Binary rather than JSON: parsing JSON was about half of a no-change rebuild's "load+extract" at ten thousand
/// articles; decoding this is a few percent of it, the rest being the allocation of the records themselves. With the
/// table an article's repeated texts are stored and made once, and equal strings become one instance in memory.</para>
/// <para>A member added to a record must be written and read here too (and <see cref="CurrentFormat"/> bumped);
/// the codec's tests fill every constructor parameter by reflection and fail on a member that does not round-trip.
/// The checksum makes damaged bytes a miss rather than a different build; the cache key already changes with the
/// engine, so an entry is never read by a build whose enums or records differ from the one that wrote it.</para>
/// </remarks>
internal static class CacheEntryCodec
{
    /// <summary>Bumped when the layout changes (1 was JSON).</summary>
    public const int CurrentFormat = 4;

    private const int MaxKeyLength = 128;
    private static ReadOnlySpan<byte> Magic => "HTAC"u8;

    public static byte[] Encode(string key, StageResult<ArticleExtraction?> result)
    {
        if (key.Length > MaxKeyLength || !Ascii.IsValid(key))
        {
            throw new ArgumentException("a cache key is at most 128 ASCII characters", nameof(key));
        }

        var writer = new CacheBinaryWriter();
        writer.WriteBool(result.Value is not null);
        if (result.Value is { } extraction)
        {
            WriteExtraction(writer, extraction);
        }

        writer.WriteCount(result.Diagnostics);
        foreach (var diagnostic in result.Diagnostics)
        {
            WriteDiagnostic(writer, diagnostic);
        }

        Span<byte> header = stackalloc byte[Magic.Length + sizeof(int) + 1 + MaxKeyLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[Magic.Length..], CurrentFormat);
        header[Magic.Length + sizeof(int)] = (byte)key.Length;
        var keyBytes = Encoding.ASCII.GetBytes(key, header[(Magic.Length + sizeof(int) + 1)..]);
        return writer.ToArray(header[..(Magic.Length + sizeof(int) + 1 + keyBytes)]);
    }

    /// <summary>
    /// The result stored in <paramref name="bytes"/>, or false when they are not a whole, undamaged entry of this
    /// format stored under <paramref name="key"/>. Never throws on bad bytes.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string key, [NotNullWhen(true)] out StageResult<ArticleExtraction?>? result)
    {
        result = null;
        var keyStart = Magic.Length + sizeof(int) + 1;
        if (bytes.Length < keyStart
            || !bytes.StartsWith(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes[Magic.Length..]) != CurrentFormat)
        {
            return false;
        }

        var payloadStart = keyStart + bytes[keyStart - 1] + SHA256.HashSizeInBytes;
        if (bytes.Length < payloadStart
            || !Ascii.Equals(bytes.Slice(keyStart, bytes[keyStart - 1]), key)
            || !SHA256.HashData(bytes[payloadStart..]).AsSpan().SequenceEqual(bytes.Slice(payloadStart - SHA256.HashSizeInBytes, SHA256.HashSizeInBytes)))
        {
            return false;
        }

        try
        {
            var reader = new CacheBinaryReader(bytes[payloadStart..]);
            result = Read(ref reader);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The payload after the checksum: string table, then the result; throws <see cref="InvalidDataException"/> on damage.</summary>
    internal static StageResult<ArticleExtraction?> Read(ref CacheBinaryReader reader)
    {
        reader.ReadStringTable();
        var extraction = reader.ReadBool() ? ReadExtraction(ref reader) : null;
        var diagnostics = reader.ReadList(ReadDiagnostic);
        return reader.AtEnd ? new StageResult<ArticleExtraction?>(extraction, diagnostics) : throw new InvalidDataException("damaged cache entry: bytes after the end");
    }

    private static void WriteExtraction(CacheBinaryWriter writer, ArticleExtraction extraction)
    {
        // First what only the article's page needs, as a section a reader keeps undecoded (see CachedArticlePage).
        var scripts = extraction.ScriptTexts;
        var head = scripts is null ? 0 : Math.Min(DisplayedTexts.Head(extraction).Count, Math.Min(scripts.Simplified.Count, scripts.Traditional.Count));
        var page = new CacheBinaryWriter();
        WritePage(page, extraction, head);
        writer.WriteSection(page);

        WriteArticle(writer, extraction.Article);
        writer.WriteCount(extraction.Statements);
        foreach (var statement in extraction.Statements)
        {
            writer.WriteString(statement.ArticleId);
            writer.WriteString(statement.FileName);
            writer.WriteInt(statement.Sentence.Block);
            writer.WriteInt(statement.Sentence.Index);
            writer.WriteInt(statement.Sentence.Offset);
            writer.WriteString(statement.Sentence.Text);
            WriteExpression(writer, statement.Expression);
            writer.WriteString(statement.Title);
            writer.WriteString(statement.Category);
            writer.WriteBool(statement.Planned);
        }

        writer.WriteCount(extraction.Figures);
        foreach (var figure in extraction.Figures)
        {
            writer.WriteDate(figure.Date);
            writer.WriteString(figure.Expression);
            writer.WriteString(figure.Sentence);
            writer.WriteString(figure.FileName);
            writer.WriteString(figure.ArticleId);
            writer.WriteString(figure.Anchor);
        }

        writer.WriteCount(extraction.Dropped);
        foreach (var dropped in extraction.Dropped)
        {
            writer.WriteString(dropped.Expression);
            writer.WriteEnum(dropped.Reason);
            writer.WriteInt(dropped.Block);
            writer.WriteString(dropped.Detail);
            writer.WriteString(dropped.Sentence);
            writer.WriteString(dropped.Id);
        }

        writer.WriteInt(extraction.DatesFound);
        writer.WriteBool(scripts is not null);
        if (scripts is not null)
        {
            // The texts shown beyond the article's page come first (DisplayedTexts.Head): those are here, the rest in the page section.
            writer.WriteString(scripts.Converter);
            writer.WriteUInt((uint)scripts.Simplified.Count);
            writer.WriteUInt((uint)scripts.Traditional.Count);
            writer.WriteUInt((uint)head);
            for (var i = 0; i < head; i++)
            {
                writer.WriteString(scripts.Simplified[i]);
                writer.WriteString(scripts.Traditional[i]);
            }
        }
    }

    /// <summary>The blocks, the sentences (each as a slice of its block where it is one) and the converted texts after the first <paramref name="head"/>.</summary>
    private static void WritePage(CacheBinaryWriter writer, ArticleExtraction extraction, int head)
    {
        var blocks = extraction.Article.Blocks;
        writer.WriteCount(blocks);
        foreach (var block in blocks)
        {
            writer.WriteString(block.Text);
            writer.WriteEnum(block.Kind);
            writer.WriteInt(block.Line);
        }

        writer.WriteCount(extraction.Sentences);
        foreach (var sentence in extraction.Sentences)
        {
            WriteSentence(writer, sentence, blocks);
        }

        var scripts = extraction.ScriptTexts;
        WriteStrings(writer, scripts is null ? [] : scripts.Simplified.Skip(head).ToList());
        WriteStrings(writer, scripts is null ? [] : scripts.Traditional.Skip(head).ToList());
    }

    private static ArticleExtraction ReadExtraction(ref CacheBinaryReader reader)
    {
        var pageBytes = reader.ReadSection();
        var page = new CachedArticlePage(pageBytes);
        var article = ReadArticle(ref reader, new CachedArticlePage.List<TextBlock>(page, p => p.Blocks));
        var statements = reader.ReadList(ReadStatement);
        var figures = reader.ReadList(ReadFigure);
        var dropped = reader.ReadList(ReadDropped);
        var datesFound = reader.ReadInt();
        ScriptTexts? scripts = null;
        if (reader.ReadBool())
        {
            var converter = reader.ReadString();
            // The texts after the first ones are in the page section, each taking at least a byte there.
            var simplifiedCount = reader.ReadUInt();
            var traditionalCount = reader.ReadUInt();
            var head = reader.ReadCount();
            if (head > simplifiedCount || head > traditionalCount
                || simplifiedCount - head > (uint)pageBytes.Length || traditionalCount - head > (uint)pageBytes.Length)
            {
                throw new InvalidDataException("damaged cache entry: converted texts do not add up");
            }

            var simplified = new string?[head];
            var traditional = new string?[head];
            for (var i = 0; i < head; i++)
            {
                simplified[i] = reader.ReadNullableString();
                traditional[i] = reader.ReadNullableString();
            }

            scripts = new ScriptTexts(converter,
                new CachedArticlePage.Texts(simplified, (int)simplifiedCount, page, p => p.SimplifiedTail),
                new CachedArticlePage.Texts(traditional, (int)traditionalCount, page, p => p.TraditionalTail));
        }

        return new ArticleExtraction(article, new CachedArticlePage.List<Sentence>(page, p => p.Sentences), statements, figures, dropped,
            datesFound, scripts);
    }

    /// <summary>
    /// Decodes a page section kept by <see cref="ReadExtraction"/> (the entry's checksum was verified when it was read);
    /// throws <see cref="InvalidDataException"/> on bytes no writer made.
    /// </summary>
    internal static CachedArticlePage.Content ReadPage(ReadOnlySpan<byte> bytes)
    {
        var reader = new CacheBinaryReader(bytes);
        reader.ReadStringTable();
        var blocks = reader.ReadList(ReadBlock);
        var sentences = new Sentence[reader.ReadCount()];
        for (var i = 0; i < sentences.Length; i++)
        {
            sentences[i] = ReadSentence(ref reader, blocks);
        }

        var simplified = reader.ReadList(ReadNullableString);
        var traditional = reader.ReadList(ReadNullableString);
        return reader.AtEnd
            ? new CachedArticlePage.Content(blocks, sentences, simplified, traditional)
            : throw new InvalidDataException("damaged cache entry: bytes after the end of the page section");
    }

    private static void WriteArticle(CacheBinaryWriter writer, Article article)
    {
        writer.WriteString(article.Id);
        writer.WriteString(article.FileName);
        writer.WriteString(article.Title);
        writer.WriteString(article.Outlet);
        writer.WriteString(article.Url);
        writer.WriteDate(article.Published);
        writer.WriteEnum(article.DateSource);
        writer.WriteString(article.Language);
        writer.WriteEnum(article.Script);
        writer.WriteString(article.Encoding);
        writer.WriteEnum(article.Format);
        writer.WriteInt(article.CharacterCount);
        WriteStrings(writer, article.Tags);
        writer.WriteCount(article.Bylines);
        foreach (var byline in article.Bylines)
        {
            writer.WriteString(byline.Text);
            writer.WriteInt(byline.Line);
        }

        var stats = article.Stats;
        writer.WriteInt(stats.AnnotationsRemoved);
        writer.WriteInt(stats.BoilerplateRemoved);
        writer.WriteInt(stats.Captions);
        writer.WriteInt(stats.Duplicates);
        writer.WriteInt(stats.GarbledFragments);
        writer.WriteInt(stats.CorrectionsApplied);
    }

    private static Article ReadArticle(ref CacheBinaryReader reader, IReadOnlyList<TextBlock> blocks) => new(
        Id: reader.ReadString(),
        FileName: reader.ReadString(),
        Title: reader.ReadString(),
        Outlet: reader.ReadNullableString(),
        Url: reader.ReadNullableString(),
        Published: reader.ReadDate(),
        DateSource: reader.ReadEnum<MetadataOrigin>(),
        Language: reader.ReadString(),
        Script: reader.ReadEnum<Script>(),
        Encoding: reader.ReadString(),
        Format: reader.ReadEnum<ArticleFormat>(),
        CharacterCount: reader.ReadInt(),
        Tags: reader.ReadList(ReadString),
        Blocks: blocks,
        Bylines: reader.ReadList(ReadByline),
        Stats: new CleaningStats(reader.ReadInt(), reader.ReadInt(), reader.ReadInt(), reader.ReadInt(), reader.ReadInt(), reader.ReadInt()));

    /// <summary>The text as false + its length when it is the slice of its block at its offset, else as true + a string reference.</summary>
    private static void WriteSentence(CacheBinaryWriter writer, Sentence sentence, IReadOnlyList<TextBlock> blocks)
    {
        writer.WriteInt(sentence.Block);
        writer.WriteInt(sentence.Index);
        writer.WriteInt(sentence.Offset);
        if (IsWithin(blocks, sentence.Block, sentence.Offset, (uint)sentence.Text.Length)
            && blocks[sentence.Block].Text.AsSpan(sentence.Offset, sentence.Text.Length).SequenceEqual(sentence.Text))
        {
            writer.WriteBool(false);
            writer.WriteUInt((uint)sentence.Text.Length);
        }
        else
        {
            writer.WriteBool(true);
            writer.WriteString(sentence.Text);
        }
    }

    private static Sentence ReadSentence(ref CacheBinaryReader reader, IReadOnlyList<TextBlock> blocks)
    {
        var block = reader.ReadInt();
        var index = reader.ReadInt();
        var offset = reader.ReadInt();
        if (reader.ReadBool())
        {
            return new Sentence(block, index, offset, reader.ReadString());
        }

        var length = reader.ReadUInt();
        // Substring returns the block's own instance when the sentence is the whole block.
        return IsWithin(blocks, block, offset, length)
            ? new Sentence(block, index, offset, blocks[block].Text.Substring(offset, (int)length))
            : throw new InvalidDataException("damaged cache entry: sentence outside its block");
    }

    private static bool IsWithin(IReadOnlyList<TextBlock> blocks, int block, int offset, uint length) =>
        block >= 0 && block < blocks.Count && offset >= 0 && offset <= blocks[block].Text.Length && length <= (uint)(blocks[block].Text.Length - offset);

    private static void WriteExpression(CacheBinaryWriter writer, TemporalExpression expression)
    {
        writer.WriteString(expression.Text);
        writer.WriteInt(expression.Start);
        writer.WriteDate(expression.Date);
        writer.WriteNullableDate(expression.End);
        writer.WriteBool(expression.Relative);
        writer.WriteBool(expression.Approximate);
    }

    private static TemporalExpression ReadExpression(ref CacheBinaryReader reader) =>
        new(reader.ReadString(), reader.ReadInt(), reader.ReadDate(), reader.ReadNullableDate(), reader.ReadBool(), reader.ReadBool());

    private static DatedStatement ReadStatement(ref CacheBinaryReader reader) => new(
        ArticleId: reader.ReadString(),
        FileName: reader.ReadString(),
        Sentence: new Sentence(reader.ReadInt(), reader.ReadInt(), reader.ReadInt(), reader.ReadString()),
        Expression: ReadExpression(ref reader),
        Title: reader.ReadString(),
        Category: reader.ReadString(),
        Planned: reader.ReadBool());

    private static KeyFigure ReadFigure(ref CacheBinaryReader reader) =>
        new(reader.ReadDate(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());

    private static DroppedDate ReadDropped(ref CacheBinaryReader reader) =>
        new(reader.ReadString(), reader.ReadEnum<DropReason>(), reader.ReadInt(), reader.ReadNullableString(), reader.ReadNullableString(),
            reader.ReadNullableString());

    private static TextBlock ReadBlock(ref CacheBinaryReader reader) =>
        new(reader.ReadString(), reader.ReadEnum<BlockKind>(), reader.ReadInt());

    private static Byline ReadByline(ref CacheBinaryReader reader) => new(reader.ReadString(), reader.ReadInt());

    private static void WriteDiagnostic(CacheBinaryWriter writer, Diagnostic diagnostic)
    {
        writer.WriteEnum(diagnostic.Severity);
        writer.WriteString(diagnostic.Code);
        writer.WriteString(diagnostic.Message);
        writer.WriteString(diagnostic.File);
        writer.WriteNullableInt(diagnostic.Line);
        writer.WriteString(diagnostic.Hint);
    }

    private static Diagnostic ReadDiagnostic(ref CacheBinaryReader reader) => new(
        reader.ReadEnum<Severity>(), reader.ReadString(), reader.ReadString(), reader.ReadNullableString(), reader.ReadNullableInt(), reader.ReadNullableString());

    private static void WriteStrings(CacheBinaryWriter writer, IReadOnlyList<string?> strings)
    {
        writer.WriteCount(strings);
        foreach (var text in strings)
        {
            writer.WriteString(text);
        }
    }

    private static string ReadString(ref CacheBinaryReader reader) => reader.ReadString();

    private static string? ReadNullableString(ref CacheBinaryReader reader) => reader.ReadNullableString();
}
