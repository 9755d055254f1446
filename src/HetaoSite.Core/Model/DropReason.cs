namespace HetaoSite.Core.Model;

/// <summary>Why a date found in an article did not become a timeline event.</summary>
public enum DropReason
{
    Caption,
    Byline,
    OutOfWindow,
    Duration,
    Quantity,
    TimeOfDay,
    Anniversary,
    InvalidDate,
    UnresolvedReference,
    Figure,
    Duplicate,
    NotAnEvent,
}
