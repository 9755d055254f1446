using System.Collections;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// What only an article's own page needs from its cache entry — its blocks, its sentences, and its texts converted to
/// the other script beyond those shown elsewhere — kept as the entry's bytes and decoded the first time one of them is
/// read. A rebuild reuses most article pages from the page cache, so for most articles this is never decoded: the
/// merge, data files, search index and feeds work from the metadata, statements and figures, which are decoded at once.
/// </summary>
/// <remarks>
/// The bytes are part of an entry whose checksum was verified when it was read, so they fail to decode only if they
/// were forged with a matching checksum, or on a bug. Then the article is processed again from its source
/// (<see cref="WhenDamaged"/>), as for any cache miss: a cache can make a build faster, never different or failing.
/// Safe to share between threads: the first reader decodes, the others wait.
/// </remarks>
internal sealed class CachedArticlePage
{
    private readonly byte[] _bytes;
    private readonly Lazy<Content> _content;
    private Func<ArticleExtraction>? _processAgain;

    public CachedArticlePage(byte[] bytes)
    {
        _bytes = bytes;
        _content = new Lazy<Content>(Decode);
    }

    /// <summary>The decoded section.</summary>
    /// <param name="SimplifiedTail">The converted texts after those stored with the entry's metadata; likewise <paramref name="TraditionalTail"/>.
    /// With <paramref name="WholeLists"/>, all of them (from the article processed again).</param>
    internal sealed record Content(
        IReadOnlyList<TextBlock> Blocks,
        IReadOnlyList<Sentence> Sentences,
        IReadOnlyList<string?> SimplifiedTail,
        IReadOnlyList<string?> TraditionalTail,
        bool WholeLists = false);

    /// <summary>
    /// How to get <paramref name="extraction"/> (read from the cache) again should its page section not decode: process
    /// the article again. Does nothing for an extraction that was not read from the cache.
    /// </summary>
    internal static void WhenDamaged(ArticleExtraction extraction, Func<ArticleExtraction> processAgain)
    {
        if (extraction.Sentences is List<Sentence> sentences)
        {
            sentences.Page._processAgain = processAgain;
        }
    }

    /// <summary>Whether the page section of <paramref name="extraction"/> (read from the cache) was decoded; null when it was not read from the cache.</summary>
    internal static bool? IsDecoded(ArticleExtraction extraction) =>
        extraction.Sentences is List<Sentence> sentences ? sentences.Page._content.IsValueCreated : null;

    private Content Decoded => _content.Value;

    private Content Decode()
    {
        try
        {
            return CacheEntryCodec.ReadPage(_bytes);
        }
        catch (InvalidDataException) when (_processAgain is { } processAgain)
        {
            var again = processAgain();
            return new Content(again.Article.Blocks, again.Sentences, again.ScriptTexts?.Simplified ?? [], again.ScriptTexts?.Traditional ?? [], WholeLists: true);
        }
    }

    /// <summary>A list of the page section (<see cref="Article.Blocks"/>, <see cref="ArticleExtraction.Sentences"/>), decoded when first read.</summary>
    internal sealed class List<T>(CachedArticlePage page, Func<Content, IReadOnlyList<T>> select) : IReadOnlyList<T>
    {
        internal CachedArticlePage Page => page;

        private IReadOnlyList<T> Items => select(page.Decoded);

        public int Count => Items.Count;

        public T this[int index] => Items[index];

        public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// <see cref="ScriptTexts.Simplified"/> or <see cref="ScriptTexts.Traditional"/>: the first texts (those shown beyond the
    /// article's page) stored with the metadata, the rest in the page section, decoded only when one of them is read.
    /// </summary>
    internal sealed class Texts(string?[] head, int count, CachedArticlePage page, Func<Content, IReadOnlyList<string?>> tail) : IReadOnlyList<string?>
    {
        public int Count => count;

        public string? this[int index] =>
            (uint)index >= (uint)count ? throw new ArgumentOutOfRangeException(nameof(index))
            : index < head.Length ? head[index]
            : Tail(index);

        public IEnumerator<string?> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private string? Tail(int index)
        {
            var content = page.Decoded;
            var texts = tail(content);
            var skipped = content.WholeLists ? 0 : head.Length;
            return texts.Count == count - skipped
                ? texts[index - skipped]
                : throw new InvalidDataException($"damaged cache entry: {texts.Count} converted texts in the page section, {count - skipped} expected");
        }
    }
}
