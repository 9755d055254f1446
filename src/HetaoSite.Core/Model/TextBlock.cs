using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>One block of article text (a paragraph, heading, list item or caption) and the 1-based source line it starts on.</summary>
[MemoryPackable]
public sealed partial record TextBlock(string Text, BlockKind Kind, int Line);
