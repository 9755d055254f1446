namespace HetaoSite.Core.Model;

/// <summary>The writing system of a text.</summary>
public enum Script
{
    /// <summary>Traditional Chinese (zh-Hant).</summary>
    Hant,

    /// <summary>Simplified Chinese (zh-Hans).</summary>
    Hans,

    /// <summary>Latin script (en).</summary>
    Latin,
}
