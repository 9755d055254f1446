using Xunit.Abstractions;

namespace HetaoSite.Core.Tests.Extraction;

public sealed class SeedDumpTests(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        foreach (var name in SeedFixtures.Names)
        {
            var (raw, clean, article, diags) = SeedFixtures.Process(name);
            output.WriteLine($"=== {name} enc={raw.Encoding} fmt={raw.Format} title={article.Title} date={article.Published} ({article.DateSource}) outlet={article.Outlet} script={article.Script} stats={article.Stats}");
            foreach (var b in article.Bylines) output.WriteLine($"  BYLINE {b.Line}: {b.Text}");
            foreach (var b in article.Blocks) output.WriteLine($"  {b.Line,3} {b.Kind,-9} {(b.Text.Length > 90 ? b.Text[..90] + "…" : b.Text)}");
            foreach (var d in diags) output.WriteLine($"  DIAG {d}");
        }
    }
}
