using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>Finds and resolves date expressions in Chinese and English text. (Interim: finds nothing.)</summary>
public static class TemporalParser
{
    public static TemporalParse Parse(string text, PartialDate anchor) => TemporalParse.Empty;
}
