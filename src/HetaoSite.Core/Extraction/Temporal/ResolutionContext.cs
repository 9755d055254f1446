using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>What a phrase may be resolved against.</summary>
/// <param name="Anchor">The publication date; null when the caller gave none (a default <see cref="PartialDate"/>).</param>
/// <param name="Antecedent">The most recent date before the phrase in the text (its end, for a range): 同月, 次年.</param>
/// <param name="SentenceDate">The most recent date earlier in the same sentence: gives 12月11日 its year and 8日 its month.</param>
/// <param name="Planned">The sentence states a plan (將, 計劃, 預計, will…): a year-less date may lie well ahead of the anchor.</param>
internal sealed record ResolutionContext(PartialDate? Anchor, PartialDate? Antecedent, PartialDate? SentenceDate, bool Planned = false);
