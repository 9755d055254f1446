using System.Buffers.Binary;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core.Tests.Writing;

public sealed class CacheEntryCodecTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    // Magic (4) + format (4) + key length (1) + key (32) + SHA-256 (32).
    private const int PayloadStart = 4 + 4 + 1 + 32 + 32;

    [Fact]
    public void Round_trip_keeps_every_field_of_the_sample()
    {
        var stored = SampleExtraction.Create();

        var decoded = Decode(CacheEntryCodec.Encode(Key, stored));

        DeepEquality.AssertEqual(stored, decoded);
    }

    [Fact]
    public void Every_constructor_parameter_of_every_cached_record_round_trips()
    {
        // Filled by reflection: a member added to any record later is set here too, so forgetting it in the codec fails.
        var stored = Filled(new RecordFiller());

        var decoded = Decode(CacheEntryCodec.Encode(Key, stored));

        DeepEquality.AssertEqual(stored, decoded);
    }

    [Fact]
    public void Every_nullable_member_round_trips_as_null()
    {
        var stored = Filled(new RecordFiller(nulls: true));
        Assert.Null(stored.Value!.ScriptTexts);

        var decoded = Decode(CacheEntryCodec.Encode(Key, stored));

        DeepEquality.AssertEqual(stored, decoded);
    }

    [Fact]
    public void Strings_round_trip_exactly_even_when_not_valid_unicode()
    {
        var sample = SampleExtraction.Create().Value!;
        string[] odd = ["\ud800", "a\udc00b", "\0", string.Empty, new string('河', 70_000), "𠀀𪚥"];
        var stored = new StageResult<ArticleExtraction?>(sample with { Article = sample.Article with { Tags = odd } }, []);

        var decoded = Decode(CacheEntryCodec.Encode(Key, stored));

        Assert.Equal(odd, decoded.Value!.Article.Tags);
    }

    [Fact]
    public void Repeated_texts_are_stored_once_and_read_back_as_one_instance()
    {
        var stored = SampleExtraction.Create();

        var decoded = Decode(CacheEntryCodec.Encode(Key, stored)).Value!;

        Assert.Same(decoded.Article.FileName, decoded.Statements[0].FileName);
        Assert.Same(decoded.Article.FileName, decoded.Figures[0].FileName);
        Assert.Equal(decoded.Sentences[2], decoded.Statements[0].Sentence);
        Assert.Same(decoded.Article.Blocks[1].Text, decoded.Sentences[0].Text);
    }

    [Fact]
    public void What_only_the_article_page_needs_is_decoded_when_it_is_first_read()
    {
        var sample = SampleExtraction.Create().Value!;
        var head = DisplayedTexts.Head(sample).Count;
        string?[] simplified = [.. Enumerable.Range(0, head + 2).Select(i => i % 3 == 0 ? null : $"简{i}")];
        string?[] traditional = [.. Enumerable.Range(0, head + 2).Select(i => i % 3 == 1 ? null : $"繁{i}")];
        var stored = sample with { ScriptTexts = new ScriptTexts("0123abcd", simplified, traditional) };

        var decoded = Decode(CacheEntryCodec.Encode(Key, new StageResult<ArticleExtraction?>(stored, []))).Value!;

        // What every build reads of every article.
        Assert.Equal(stored.Article.Title, decoded.Article.Title);
        Assert.Equal(stored.Statements, decoded.Statements);
        Assert.Equal(stored.Figures, decoded.Figures);
        Assert.Equal(stored.Dropped, decoded.Dropped);
        Assert.Equal((head + 2, head + 2), (decoded.ScriptTexts!.Simplified.Count, decoded.ScriptTexts.Traditional.Count));
        Assert.Equal(simplified[..head], Enumerable.Range(0, head).Select(i => decoded.ScriptTexts.Simplified[i]));
        Assert.Equal(traditional[..head], Enumerable.Range(0, head).Select(i => decoded.ScriptTexts.Traditional[i]));
        Assert.True(CachedArticlePage.IsDecoded(decoded) == false, "expected the page section not to be decoded before a page text is read");

        Assert.Equal(simplified[head + 1], decoded.ScriptTexts.Simplified[head + 1]);
        Assert.True(CachedArticlePage.IsDecoded(decoded) == true, "expected the page section decoded once a page text was read");
        Assert.Equal(stored.Article.Blocks, decoded.Article.Blocks);
        Assert.Equal(stored.Sentences, decoded.Sentences);
        Assert.Equal(simplified, decoded.ScriptTexts.Simplified);
        Assert.Equal(traditional, decoded.ScriptTexts.Traditional);
    }

    [Fact]
    public void A_page_section_that_does_not_decode_fails_loudly_when_read()
    {
        var decoded = Decode(DamagedPageSection.Of(CacheEntryCodec.Encode(Key, SampleExtraction.Create()))).Value!;

        Assert.Equal(SampleExtraction.Create().Value!.Statements, decoded.Statements);
        Assert.Throws<InvalidDataException>(() => decoded.Sentences.Count);
    }

    [Fact]
    public void A_page_section_that_does_not_decode_is_taken_from_the_article_processed_again()
    {
        var stored = SampleExtraction.Create().Value!;
        var decoded = Decode(DamagedPageSection.Of(CacheEntryCodec.Encode(Key, SampleExtraction.Create()))).Value!;
        var processed = 0;

        CachedArticlePage.WhenDamaged(decoded, () =>
        {
            processed++;
            return stored;
        });

        Assert.Equal(stored.Article.Blocks, decoded.Article.Blocks);
        Assert.Equal(stored.Sentences, decoded.Sentences);
        Assert.Equal(stored.ScriptTexts!.Simplified, decoded.ScriptTexts!.Simplified);
        Assert.Equal(stored.ScriptTexts.Traditional, decoded.ScriptTexts.Traditional);
        Assert.Equal(1, processed);
    }

    [Fact]
    public void A_result_without_a_value_round_trips()
    {
        var stored = new StageResult<ArticleExtraction?>(null, [Diagnostic.Error("HS0001", "unreadable", "a.txt", 1)]);

        var decoded = Decode(CacheEntryCodec.Encode(Key, stored));

        DeepEquality.AssertEqual(stored, decoded);
    }

    [Fact]
    public void Another_key_another_format_or_another_magic_is_refused()
    {
        var entry = CacheEntryCodec.Encode(Key, SampleExtraction.Create());
        var otherFormat = (byte[])entry.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(otherFormat.AsSpan(4), CacheEntryCodec.CurrentFormat + 1);
        var otherMagic = (byte[])entry.Clone();
        otherMagic[0] = (byte)'J';

        Assert.False(CacheEntryCodec.TryDecode(entry, "ffffffffffffffffffffffffffffffff", out _), "expected another key to be refused");
        Assert.False(CacheEntryCodec.TryDecode(entry, Key[..^1], out _), "expected a shorter key to be refused");
        Assert.False(CacheEntryCodec.TryDecode(otherFormat, Key, out _), "expected another format to be refused");
        Assert.False(CacheEntryCodec.TryDecode(otherMagic, Key, out _), "expected another magic to be refused");
    }

    [Fact]
    public void Every_truncation_is_refused_without_throwing()
    {
        var entry = CacheEntryCodec.Encode(Key, SampleExtraction.Create());

        var accepted = Enumerable.Range(0, entry.Length).Where(length => CacheEntryCodec.TryDecode(entry.AsSpan(0, length), Key, out _)).ToList();

        Assert.True(accepted.Count == 0, $"expected every truncated entry to be refused, accepted lengths {string.Join(", ", accepted)} of {entry.Length}");
    }

    [Fact]
    public void Every_damaged_byte_is_refused_without_throwing()
    {
        var entry = CacheEntryCodec.Encode(Key, SampleExtraction.Create());

        var accepted = new List<int>();
        for (var i = 0; i < entry.Length; i++)
        {
            var damaged = (byte[])entry.Clone();
            damaged[i] ^= 0x5A;
            if (CacheEntryCodec.TryDecode(damaged, Key, out _))
            {
                accepted.Add(i);
            }
        }

        Assert.True(accepted.Count == 0, $"expected every damaged entry to be refused, accepted damage at {string.Join(", ", accepted)} of {entry.Length}");
        Assert.False(CacheEntryCodec.TryDecode([.. entry, 0], Key, out _), "expected an entry with a trailing byte to be refused");
    }

    [Fact]
    public void Damaged_payload_behind_a_valid_checksum_never_throws_anything_but_invalid_data()
    {
        // The checksum is not a signature: someone can write a bad payload with a matching one, so the reader itself
        // must check every length, count, reference, enum and date.
        var payload = CacheEntryCodec.Encode(Key, SampleExtraction.Create())[PayloadStart..];
        var random = new Random(20240613);
        var unexpected = new List<string>();
        for (var round = 0; round < 3000; round++)
        {
            var damaged = (byte[])payload.Clone();
            var changes = 1 + random.Next(4);
            for (var c = 0; c < changes; c++)
            {
                damaged[random.Next(damaged.Length)] = round % 3 == 0 ? (byte)0xFF : (byte)random.Next(256);
            }

            var cut = round % 5 == 0 ? random.Next(damaged.Length) : damaged.Length;
            try
            {
                var reader = new CacheBinaryReader(damaged.AsSpan(0, cut));
                CacheEntryCodec.Read(ref reader);
            }
            catch (InvalidDataException)
            {
                // Refused: what the cache turns into a miss.
            }
            catch (Exception ex)
            {
                unexpected.Add($"round {round}: {ex}");
            }
        }

        Assert.True(unexpected.Count == 0, $"expected only InvalidDataException, got:\n{string.Join("\n", unexpected.Take(10))}");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // a string table of 4 billion strings
    [InlineData(new byte[] { 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x07 })] // one string of 2 billion chars
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 })] // a number that never ends
    [InlineData(new byte[] { 0x00, 0x02 })] // neither a value nor no value
    [InlineData(new byte[] { 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })] // 4 billion diagnostics
    [InlineData(new byte[] { 0x00, 0x00, 0x01, 0x00 })] // a diagnostic with a severity but nothing else
    [InlineData(new byte[] { 0x00, 0x00, 0x01, 0x09, 0x00 })] // a severity that does not exist
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00 })] // a byte after the end
    public void A_hostile_payload_is_refused_before_allocating(byte[] payload)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Record.Exception(() =>
        {
            var reader = new CacheBinaryReader(payload);
            CacheEntryCodec.Read(ref reader);
        });

        Assert.IsType<InvalidDataException>(error);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 1024, $"expected a small allocation for a hostile length, got {allocated} bytes");
    }

    private static StageResult<ArticleExtraction?> Filled(RecordFiller filler) =>
        new(filler.Create<ArticleExtraction>(), [filler.Create<Diagnostic>(), filler.Create<Diagnostic>()]);

    private static StageResult<ArticleExtraction?> Decode(byte[] entry)
    {
        Assert.True(CacheEntryCodec.TryDecode(entry, Key, out var result), "expected the entry just encoded to decode");
        return result;
    }
}
