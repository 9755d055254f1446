using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class JsonPiecesTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(4095, true)]
    [InlineData(4096, true)]
    [InlineData(9001, true)]
    [InlineData(0, false)]
    [InlineData(9001, false)]
    public void An_array_written_in_pieces_is_the_node_tree_serialised_in_one_go(int count, bool indented)
    {
        var items = Enumerable.Range(0, count).Select(Item).ToList();
        var expected = InOneGo(new JsonObject
        {
            ["title"] = "河套<時間軸>",
            ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["text"] = i.Text,
                ["tags"] = new JsonArray(i.Tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            }).ToArray()),
            ["count"] = count,
        }, indented);

        var actual = JsonPieces.WriteArray(items, indented, 64, json =>
        {
            json.WriteStartObject();
            json.WriteString("title", "河套<時間軸>");
            json.WriteStartArray("items");
        }, (json, item) =>
        {
            json.WriteStartObject();
            json.WriteNumber("id", item.Id);
            json.WriteString("text", item.Text);
            json.WriteStartArray("tags");
            foreach (var tag in item.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }, json =>
        {
            json.WriteNumber("count", count);
            json.WriteEndObject();
        });

        AssertSameBytes(expected, actual);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Object_properties_written_in_pieces_and_joined_are_the_object_written_in_one_go(bool indented)
    {
        var keys = Enumerable.Range(0, 3000).Select(i => $"鍵{i}\"").ToList();
        var expected = InOneGo(new JsonObject
        {
            ["map"] = new JsonObject(keys.Select((k, i) => KeyValuePair.Create(k, (JsonNode?)new JsonArray(i, i + 1)))),
        }, indented);

        var runs = JsonPieces.Runs(keys.Count, 256);
        var starts = new int[runs.Count];
        var pieces = runs.Select((run, r) => JsonPieces.Items(indented, properties: true, 1024, json =>
        {
            for (var i = run.Start.Value; i < run.End.Value; i++)
            {
                json.WriteStartArray(keys[i]);
                json.WriteNumberValue(i);
                json.WriteNumberValue(i + 1);
                json.WriteEndArray();
            }
        }, out starts[r])).ToList();
        var head = indented ? "{\n \"map\": {"u8.ToArray() : "{\"map\":{"u8.ToArray();
        var tail = indented ? "\n }\n}"u8.ToArray() : "}}"u8.ToArray();
        var segments = new List<ReadOnlyMemory<byte>> { head };
        for (var r = 0; r < pieces.Count; r++)
        {
            segments.Add(pieces[r].WrittenMemory[starts[r]..]);
            segments.Add(r + 1 < pieces.Count ? JsonPieces.Comma : tail);
        }

        Assert.True(pieces.Count > 1, $"expected several pieces, got {pieces.Count}");
        AssertSameBytes(expected, JsonPieces.Concat(segments));
        pieces.ForEach(p => p.Dispose());
    }

    [Fact]
    public void Runs_cover_every_item_once_in_order()
    {
        foreach (var count in new[] { 0, 1, 255, 256, 257, 100_000 })
        {
            var covered = JsonPieces.Runs(count, 256).SelectMany(r => Enumerable.Range(r.Start.Value, r.End.Value - r.Start.Value)).ToList();
            Assert.Equal(Enumerable.Range(0, count), covered);
        }
    }

    private static (int Id, string Text, string[] Tags) Item(int i) =>
        (i, $"第{i}項 <b>&\"\\ 🚀 {(char)('a' + (i % 26))}\u2028", i % 3 == 0 ? [] : ["河套", $"t{i % 7}"]);

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(at == expected.Length && at == actual.Length,
            $"expected {expected.Length} bytes, got {actual.Length}, first difference at byte {at}:\n"
            + $"  expected: {Around(expected, at)}\n  actual:   {Around(actual, at)}");
    }

    private static string Around(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - 40);
        return Encoding.UTF8.GetString(bytes, start, Math.Min(bytes.Length, at + 40) - start).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>The node tree written in one go by a writer of the site's settings (<see cref="JsonOutput.Writer"/>).</summary>
    private static byte[] InOneGo(JsonNode node, bool indented = true)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = JsonOutput.Writer(buffer, indented))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
