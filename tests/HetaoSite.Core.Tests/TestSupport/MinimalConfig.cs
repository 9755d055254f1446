namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>The smallest site-config.yml a whole in-memory build needs: the site's names, Traditional as the root script, the 2017–2025 window.</summary>
public static class MinimalConfig
{
    public const string Yaml = """
        site:
          title: 河套深港科技創新合作區大事記
          description: 河套深港科技創新合作區的發展。
          base_url: https://example.org/hetao/
          base_path: /
          default_script: zh-Hant
        window:
          from: 2017
          to: 2025

        """;
}
