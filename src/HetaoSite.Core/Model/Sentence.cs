using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>
/// One sentence of an article as displayed: the block it is in, its index in that block, its character offset in the
/// block's text and its exact text. <see cref="Anchor"/> is the HTML id that source links land on.
/// </summary>
[MemoryPackable]
public sealed partial record Sentence(int Block, int Index, int Offset, string Text)
{
    [MemoryPackIgnore]
    public string Anchor => $"s{Block}-{Index}";
}
