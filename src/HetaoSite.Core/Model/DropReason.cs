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

    /// <summary>The reporters' own visit or inquiry (記者近日走訪, 採訪團).</summary>
    ReporterActivity,

    /// <summary>An opinion, a forecast or quoted speech (認為, 有望, “…”).</summary>
    Opinion,

    /// <summary>A dated statement that states no development (nothing done, opened, signed, held…).</summary>
    NoDevelopment,

    /// <summary>Neither the sentence nor its paragraph names the zone, its parks or a place in it (site-config.yml <c>zone:</c>).</summary>
    NotAboutZone,

    /// <summary>A relative date (去年, 今年5月, 8日) in an article without a publication date to resolve it against.</summary>
    NoPublicationDate,
}
