using System.Text.Json;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Writes the long array of a data file (the events, the articles, the docs of the search index…) in pieces on all
/// processors and joins them into exactly the bytes one writer would have written. Each piece is written by a writer of
/// its own as the items of an array (or the properties of an object) that is a property of the root object, so its
/// items have the depth, and in indented output the indentation, they have in the file; an item's bytes depend only on
/// that and on whether it comes first, so the pieces joined with commas are the items written in one go.
/// </summary>
internal static class JsonPieces
{
    /// <summary>
    /// The least a piece's buffer holds. Pieces of every file take buffers of this one size (<see cref="DataBuffers"/>),
    /// so the buffers of one file serve the next.
    /// </summary>
    public const int PieceBuffer = 4 << 20;

    /// <summary>The comma between two pieces' items.</summary>
    public static ReadOnlyMemory<byte> Comma { get; } = ","u8.ToArray();

    /// <summary>
    /// Contiguous runs of <paramref name="count"/> items, a few per processor so that uneven runs even out, none shorter
    /// than <paramref name="smallest"/> but the last.
    /// </summary>
    public static List<Range> Runs(int count, int smallest)
    {
        var runs = new List<Range>();
        var size = Math.Max(smallest, (count / (Environment.ProcessorCount * 4)) + 1);
        for (var start = 0; start < count; start += size)
        {
            runs.Add(new Range(start, Math.Min(count, start + size)));
        }

        return runs;
    }

    /// <summary>
    /// The items <paramref name="write"/> writes, as they read inside an array (or, with <paramref name="properties"/>,
    /// an object) that is a property of the root object: from right after its opening bracket to the end of the last item.
    /// </summary>
    public static PooledBufferWriter Items(bool indented, bool properties, int capacity, Action<Utf8JsonWriter> write, out int start)
    {
        var buffer = new PooledBufferWriter(Math.Max(capacity, PieceBuffer));
        using var json = JsonOutput.Writer(buffer, indented);
        json.WriteStartObject();
        if (properties)
        {
            json.WriteStartObject("p");
        }
        else
        {
            json.WriteStartArray("p");
        }

        json.Flush();
        start = buffer.WrittenCount;
        write(json);
        json.Flush();
        return buffer;
    }

    /// <summary>
    /// A file whose root object holds one long array: <paramref name="head"/> writes up to and with the array's start
    /// (<see cref="Utf8JsonWriter.WriteStartArray(string)"/>), <paramref name="item"/> each of <paramref name="items"/>, and
    /// <paramref name="tail"/> what follows the array's end. Formatted as <see cref="JsonOutput.Writer"/> writes the whole file in one go.
    /// </summary>
    /// <param name="bytesPerItem">About how many bytes an item takes (a guess saves growing buffers).</param>
    public static byte[] WriteArray<T>(IReadOnlyList<T> items, bool indented, int bytesPerItem,
        Action<Utf8JsonWriter> head, Action<Utf8JsonWriter, T> item, Action<Utf8JsonWriter> tail)
    {
        var runs = Runs(items.Count, 2048);
        var pieces = new PooledBufferWriter?[Math.Max(1, runs.Count)];
        var starts = new int[runs.Count];
        try
        {
            // Every run but the last in a piece of its own; the last run is written by the writer of the whole file, so that
            // the array's end and what follows are its own.
            Parallel.For(0, runs.Count - 1, r => pieces[r] = Items(indented, properties: false, bytesPerItem * Length(runs[r]),
                json => WriteRun(json, items, runs[r], item), out starts[r]));
            var main = pieces[^1] = new PooledBufferWriter(Math.Max(PieceBuffer, 1024 + (bytesPerItem * (runs.Count > 0 ? Length(runs[^1]) : 0))));
            int headEnd;
            using (var json = JsonOutput.Writer(main, indented))
            {
                head(json);
                json.Flush();
                headEnd = main.WrittenCount;
                if (runs.Count > 0)
                {
                    WriteRun(json, items, runs[^1], item);
                }

                json.WriteEndArray();
                tail(json);
            }

            var segments = new List<ReadOnlyMemory<byte>> { main.WrittenMemory[..headEnd] };
            for (var r = 0; r < runs.Count - 1; r++)
            {
                segments.Add(pieces[r]!.WrittenMemory[starts[r]..]);
                segments.Add(Comma);
            }

            segments.Add(main.WrittenMemory[headEnd..]);
            return Concat(segments);
        }
        finally
        {
            foreach (var piece in pieces)
            {
                piece?.Dispose();
            }
        }
    }

    /// <summary><paramref name="segments"/> one after the other in one new array, copied in parallel (most of a large file's pages are touched here first).</summary>
    public static byte[] Concat(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        var offsets = new int[segments.Count + 1];
        for (var i = 0; i < segments.Count; i++)
        {
            offsets[i + 1] = checked(offsets[i] + segments[i].Length);
        }

        var output = GC.AllocateUninitializedArray<byte>(offsets[^1]);
        Parallel.For(0, segments.Count, i => segments[i].Span.CopyTo(output.AsSpan(offsets[i])));
        return output;
    }

    private static void WriteRun<T>(Utf8JsonWriter json, IReadOnlyList<T> items, Range run, Action<Utf8JsonWriter, T> item)
    {
        for (var i = run.Start.Value; i < run.End.Value; i++)
        {
            item(json, items[i]);
        }
    }

    private static int Length(Range run) => run.End.Value - run.Start.Value;
}
