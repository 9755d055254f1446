using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The binary form of one article cache entry: the key it was stored under and the per-article result, field by field.
/// </summary>
/// <remarks>
/// <para>Layout: <c>"HTAC"</c>, format (int32 little-endian), key (length byte + ASCII), SHA-256 of the rest, the
/// string table (count, then each distinct string as its length and UTF-16LE code units), then the records in
/// declaration order with integers as LEB128 (signed ones zig-zag), strings as 1 + their table index (0 for null),
/// enums as their number, dates as year, month, day (0 for none), nullables behind a 0/1 flag and lists behind their
/// count. Two shortcuts, each used only when it reproduces the value exactly: a sentence's text that is the slice of
/// its block at its offset is stored as that slice's length (sentences partition the blocks, so this halves the
/// text stored), and a statement's sentence that is one of the article's sentences is stored as its index (and read
/// back as the same instance).</para>
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
    public const int CurrentFormat = 2;

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
        var blocks = extraction.Article.Blocks;
        WriteArticle(writer, extraction.Article);
        writer.WriteCount(extraction.Sentences);
        var sentenceIndex = new Dictionary<Sentence, int>(extraction.Sentences.Count);
        for (var i = 0; i < extraction.Sentences.Count; i++)
        {
            WriteSentence(writer, extraction.Sentences[i], blocks);
            sentenceIndex.TryAdd(extraction.Sentences[i], i);
        }

        writer.WriteCount(extraction.Statements);
        foreach (var statement in extraction.Statements)
        {
            writer.WriteString(statement.ArticleId);
            writer.WriteString(statement.FileName);
            if (sentenceIndex.TryGetValue(statement.Sentence, out var index))
            {
                writer.WriteUInt((uint)index + 1);
            }
            else
            {
                writer.WriteUInt(0);
                WriteSentence(writer, statement.Sentence, blocks);
            }

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
        }

        writer.WriteInt(extraction.DatesFound);
        writer.WriteBool(extraction.ScriptTexts is not null);
        if (extraction.ScriptTexts is { } scripts)
        {
            writer.WriteString(scripts.Converter);
            WriteStrings(writer, scripts.Simplified);
            WriteStrings(writer, scripts.Traditional);
        }

        writer.WriteString(extraction.ContentKey);
    }

    private static ArticleExtraction ReadExtraction(ref CacheBinaryReader reader)
    {
        var article = ReadArticle(ref reader);
        var sentences = new Sentence[reader.ReadCount()];
        for (var i = 0; i < sentences.Length; i++)
        {
            sentences[i] = ReadSentence(ref reader, article.Blocks);
        }

        var statements = new DatedStatement[reader.ReadCount()];
        for (var i = 0; i < statements.Length; i++)
        {
            statements[i] = ReadStatement(ref reader, sentences, article.Blocks);
        }

        var figures = reader.ReadList(ReadFigure);
        var dropped = reader.ReadList(ReadDropped);
        var datesFound = reader.ReadInt();
        var scripts = reader.ReadBool()
            ? new ScriptTexts(reader.ReadString(), reader.ReadList(ReadNullableString), reader.ReadList(ReadNullableString))
            : null;
        var contentKey = reader.ReadNullableString();
        return new ArticleExtraction(article, sentences, statements, figures, dropped, datesFound, scripts, contentKey);
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
        writer.WriteCount(article.Blocks);
        foreach (var block in article.Blocks)
        {
            writer.WriteString(block.Text);
            writer.WriteEnum(block.Kind);
            writer.WriteInt(block.Line);
        }

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

    private static Article ReadArticle(ref CacheBinaryReader reader) => new(
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
        Blocks: reader.ReadList(ReadBlock),
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

    private static DatedStatement ReadStatement(ref CacheBinaryReader reader, Sentence[] sentences, IReadOnlyList<TextBlock> blocks) => new(
        ArticleId: reader.ReadString(),
        FileName: reader.ReadString(),
        Sentence: reader.ReadUInt() is var index and > 0
            ? index <= (uint)sentences.Length ? sentences[index - 1] : throw new InvalidDataException("damaged cache entry: no such sentence")
            : ReadSentence(ref reader, blocks),
        Expression: ReadExpression(ref reader),
        Title: reader.ReadString(),
        Category: reader.ReadString(),
        Planned: reader.ReadBool());

    private static KeyFigure ReadFigure(ref CacheBinaryReader reader) =>
        new(reader.ReadDate(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());

    private static DroppedDate ReadDropped(ref CacheBinaryReader reader) =>
        new(reader.ReadString(), reader.ReadEnum<DropReason>(), reader.ReadInt(), reader.ReadNullableString());

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
