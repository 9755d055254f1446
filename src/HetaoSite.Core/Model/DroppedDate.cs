using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>A date expression that was found and not kept, with the reason; listed in <c>report.json</c> and on its article's page.</summary>
/// <param name="Block">The block it stands in (-1 for a byline cut off the text).</param>
/// <param name="Sentence">The sentence (or byline) it stands in, verbatim; null when the text around it is not known.</param>
/// <param name="Id">The event id the statement would have had: listing it under <c>events.keep</c> keeps it. Set for
/// the drops a maintainer may overrule (mentions and "not about the zone").</param>
[MemoryPackable]
public sealed partial record DroppedDate(string Expression, DropReason Reason, int Block, string? Detail = null, string? Sentence = null, string? Id = null);
