namespace HetaoSite.Core.Model;

/// <summary>Why something that looks like a date is not one.</summary>
public enum RejectionReason
{
    /// <summary>歷時三年, 三年來, 5年.</summary>
    Duration,

    /// <summary>2025家, 51億元, 138項, 5G.</summary>
    Quantity,

    /// <summary>09:31.</summary>
    TimeOfDay,

    /// <summary>成立五周年.</summary>
    Anniversary,

    /// <summary>2月30日, 2024-13-45.</summary>
    InvalidDate,

    /// <summary>同月 with nothing before it to refer to.</summary>
    UnresolvedReference,
}

/// <summary>A date-like span the parser looked at and rejected, kept for the build report.</summary>
public sealed record RejectedExpression(string Text, int Start, RejectionReason Reason);
