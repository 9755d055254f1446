using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>What one byline says about its article.</summary>
/// <param name="Date">A date with its year (<c>2024年08月09日</c>, <c>2021-10-14</c>, <c>二〇二四年六月十二日</c>, <c>12 Jun 2024</c>).</param>
/// <param name="DatelineMonth">Month of a dateline without a year (<c>新華社深圳8月8日電</c> → 8).</param>
/// <param name="DatelineDay">Day of that dateline.</param>
/// <param name="Outlet">The outlet the byline names as source (<c>來源:新華網</c>, <c>深圳新聞網…訊</c>, <c>新華社…電</c>).</param>
/// <param name="ReporterOutlet">The outlet a reporter credit names (<c>大公報記者胡永愛</c> → 大公報), weaker evidence.</param>
/// <param name="Form">Which kind of page line it is (masthead, bare date line, byline, dateline).</param>
/// <param name="Updated">True when the date is labelled as an update (<c>更新</c>, <c>UPDATED:</c>): a publication date is preferred to it.</param>
public sealed record BylineFacts(PartialDate? Date, int? DatelineMonth, int? DatelineDay, string? Outlet, string? ReporterOutlet,
    BylineForm Form = BylineForm.Byline, bool Updated = false);

/// <summary>The kinds of page lines that carry an article's date.</summary>
public enum BylineForm
{
    /// <summary>A labelled line or a 訊/電 prefix: <c>發布時間:2024年01月30日</c>, <c>2024年08月09日09:31 | 來源:新華網</c>,
    /// <c>深圳新聞網2025年12月12日訊</c>, <c>本報訊（記者 張三）</c>, <c>Published: 12 Jun 2024</c>.</summary>
    Byline,

    /// <summary>A newspaper masthead: outlet and/or page label with the date: <c>香港文匯報 2024年6月12日 星期三 A12版</c>.</summary>
    Masthead,

    /// <summary>A date alone, perhaps with weekday and time: <c>2024年6月12日（星期三）</c>, <c>2024年6月12日 香港時間17時03分</c>.</summary>
    BareDate,

    /// <summary>A news-agency dateline with month and day only: <c>新華社深圳8月8日電</c>.</summary>
    Dateline,
}
