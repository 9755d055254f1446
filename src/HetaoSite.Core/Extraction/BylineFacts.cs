using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>What one byline says about its article.</summary>
/// <param name="Date">A date with its year (<c>2024年08月09日</c>, <c>2021-10-14</c>).</param>
/// <param name="DatelineMonth">Month of a dateline without a year (<c>新華社深圳8月8日電</c> → 8).</param>
/// <param name="DatelineDay">Day of that dateline.</param>
/// <param name="Outlet">The outlet the byline names as source (<c>來源:新華網</c>, <c>深圳新聞網…訊</c>, <c>新華社…電</c>).</param>
/// <param name="ReporterOutlet">The outlet a reporter credit names (<c>大公報記者胡永愛</c> → 大公報), weaker evidence.</param>
public sealed record BylineFacts(PartialDate? Date, int? DatelineMonth, int? DatelineDay, string? Outlet, string? ReporterOutlet);
