namespace HetaoSite.Core.Model;

/// <summary>How much of a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}
