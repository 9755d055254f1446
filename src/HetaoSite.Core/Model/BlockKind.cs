namespace HetaoSite.Core.Model;

/// <summary>What a block of article text is. Only <see cref="Paragraph"/> and <see cref="ListItem"/> blocks yield events.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,

    /// <summary>A photo caption (圖為…, …攝): shown as a caption, never a source of events.</summary>
    Caption,
}
