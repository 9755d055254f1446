using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>What the cleaner did to one article; published in <c>articles.json</c>.</summary>
[MemoryPackable]
public sealed partial record CleaningStats(
    int AnnotationsRemoved,
    int BoilerplateRemoved,
    int Captions,
    int Duplicates,
    int GarbledFragments,
    int CorrectionsApplied)
{
    public static CleaningStats Empty { get; } = new(0, 0, 0, 0, 0, 0);
}
