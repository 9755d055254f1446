using System.Text;

namespace HetaoSite.Cli.Tests.Hostile;

/// <summary>The hostile inputs of issue 7, generated here where they are binary or large.</summary>
public static class HostileCases
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private static byte[] Text(string text) => Utf8.GetBytes(text);

    private static (string, byte[]) File(string name, string text) => (name, Text(text));

    private static (string, byte[]) File(string name, byte[] bytes) => (name, bytes);

    private static string Md(string frontMatter, string body) => $"---\n{frontMatter}\n---\n\n{body}\n";

    private const string Body = "2024年6月，國際產業中試集聚區在河套深圳園區成立。";

    public static IEnumerable<HostileCase> All()
    {
        // Decoding
        yield return new("empty file", [File("empty.txt", [])], 1, "empty.txt");
        yield return new("whitespace only", [File("blank.md", " \n\t\r\n　\n")], 1, "blank.md");
        yield return new("binary file with an article extension", [File("image.txt", Binary(4096))], 1, "image.txt");
        yield return new("NUL bytes in text", [File("nul.txt", Text("深圳新聞網2024年1月2日訊\0\0\0河套" + Body))], 1, "nul.txt");
        yield return new("invalid UTF-8 mid-text", [File("broken.md", [.. Text(Md("title: 壞\ndate: 2024-01-02", "河套")), 0xC3, 0x28, 0xFF, 0xFE, 0xFD, .. Text(Body)])], 1, "broken.md");
        yield return new("truncated UTF-16", [File("half.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("---\ntitle: x\ndate: 2024-01-02\n---\n" + Body), 0x41])], 1, "half.txt");
        yield return new("BOM in the middle", [File("bom.md", Md("title: 中間BOM\ndate: 2024-08-09", "河套\uFEFF" + Body))], 0, RequiredInOutput: ["中間BOM"]);
        yield return new("CR-only line endings", [File("cr.md", Md("title: 舊Mac換行\ndate: 2024-08-09", Body).Replace('\n', '\r'))], 0, RequiredInOutput: ["舊Mac換行"]);

        // Front matter and YAML
        yield return new("unclosed front matter", [File("open.md", "---\ntitle: x\ndate: 2024-01-02\n\n" + Body)], 1, "open.md");
        yield return new("malformed YAML", [File("yaml.md", Md("title: [unclosed\ndate: 2024-01-02", Body))], 1, "yaml.md");
        yield return new("YAML with tabs", [File("tabs.md", Md("title: x\n\tdate: 2024-01-02", Body))], 1, "tabs.md");
        yield return new("YAML alias bomb", [File("lol.md", Md(BillionLaughs(), Body))], 1, "lol.md", ExpectedMessage: "alias");
        yield return new("YAML python object tag", [File("py.md", Md("title: !!python/object/apply:os.system ['ls']\ndate: 2024-01-02", Body))], 1, "py.md", ExpectedMessage: "tag");
        yield return new("YAML binary tag", [File("bin.md", Md("title: !!binary aGVsbG8=\ndate: 2024-01-02", Body))], 1, "bin.md", ExpectedMessage: "tag");
        yield return new("date that does not exist", [File("month13.md", Md("title: x\ndate: 2024-13-45", Body))], 1, "month13.md");
        yield return new("date that is not a date", [File("nodate.md", Md("title: x\ndate: yesterday-ish", Body))], 1, "nodate.md");
        yield return new("published in 2999", [File("future.md", Md("title: x\ndate: 2999-01-01", Body))], 1, "future.md");
        yield return new("10,000-character title", [File("long.md", Md("title: " + new string('長', 10_000) + "\ndate: 2024-01-02", Body))], 0,
            ForbiddenInOutput: [new string('長', 301)], RequiredInOutput: [new string('長', 200)]);
        yield return new("article with no date at all", [File("undated.txt", "河套深港科技創新合作區\n合作區不斷發展。\n")], 0, "undated.txt", ExpectedMessage: "site-config.yml",
            RequiredInOutput: ["articles/undated/index.html"]);

        // Size and depth
        yield return new("20 MB single-line body", [File("huge.md", Md("title: 巨大\ndate: 2024-01-02", new string('河', 20 * 1024 * 1024 / 3)))], 1, "huge.md",
            Config: "limits:\n  max_file_bytes: 8388608\n");
        yield return new("HTML nested 10,000 levels deep", [File("deep.html", "<html><head><title>深</title><meta property=\"article:published_time\" content=\"2024-01-02\"></head><body>"
            + string.Concat(Enumerable.Repeat("<div>", 10_000)) + Body + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>")], 1, "deep.html");
        yield return new("paragraph with 5,000 date expressions", [File("dates.md", Md("title: 日期\ndate: 2024-01-02", string.Concat(Enumerable.Range(0, 5000).Select(i => $"{2017 + (i % 9)}年{1 + (i % 12)}月，"))))], 1, "dates.md");

        // Script injection and template syntax
        yield return new("script in a front-matter title", [File("xss.md", Md("title: \"<script>alert(1)</script>標題\"\ndate: 2024-08-09", Body))], 0,
            ForbiddenInOutput: ["<script>alert(1)"], RequiredInOutput: ["&lt;script&gt;alert(1)"]);
        yield return new("closing script sequence in a title", [File("close.md", Md("title: \"</script><img src=x onerror=alert(1)>\"\ndate: 2024-08-09", Body))], 0,
            ForbiddenInOutput: ["</script><img", "<img src=x"]);
        yield return new("script and onerror in an HTML article", [File("evil.html", "<html><head><title>惡意頁面</title><meta property=\"article:published_time\" content=\"2024-08-09\"></head><body><article><p>"
            + Body + "<img src=x onerror=\"alert(2)\"></p><script>alert(3)</script><p><a href=\"javascript:alert(4)\">點擊</a></p></article></body></html>")], 0,
            ForbiddenInOutput: ["onerror", "alert(2)", "alert(3)", "javascript:alert(4)"]);
        yield return new("script inside a text body", [File("body.txt", "深圳新聞網2024年8月9日訊 " + Body + "<script>alert(5)</script>\n")], 0, ForbiddenInOutput: ["<script>alert(5)"]);
        yield return new("javascript URL in front matter", [File("jsurl.md", Md("title: 連結\ndate: 2024-08-09\nurl: \"javascript:alert(6)\"", Body))], 0, ForbiddenInOutput: ["javascript:alert(6)\""]);
        yield return new("template syntax in article text", [File("tpl.md", Md("title: \"{{ 7*7 }}\"\ndate: 2024-08-09", Body + "{{ 7*7 }} {% include '/etc/passwd' %} {{ include 'layouts/x' }}"))], 0,
            ForbiddenInOutput: ["root:x:0:0"], RequiredInOutput: ["{{ 7*7 }}", "{% include &#39;/etc/passwd&#39; %}"]);

        // Names and paths
        yield return new("slug with ../ in front matter", [File("slug.md", Md("title: 路徑\ndate: 2024-08-09\nslug: ../../escaped", Body))], 0);
        yield return new("colliding slugs", [File("a b.md", Md("title: 甲\ndate: 2024-08-09", Body)), File("a-b.md", Md("title: 乙\ndate: 2024-08-09", Body))], 0,
            RequiredInOutput: ["articles/a-b/index.html", "articles/a-b-2/index.html"]);
        yield return new("file name with spaces", [File("with space.md", Md("title: 空格\ndate: 2024-08-09", Body))], 0, RequiredInOutput: ["空格"]);
        yield return new("Chinese file name", [File("河套新聞.md", Md("title: 中文檔名\ndate: 2024-08-09", Body))], 0, RequiredInOutput: ["中文檔名"]);
        yield return new("leading dot in the file name", [File(".hidden.md", Md("title: 隱藏\ndate: 2024-08-09", Body))], 0, ForbiddenInOutput: ["隱藏"]);
        yield return new("symlink leaving seeds/", [], 1, "outside.md", Arrange: seeds =>
        {
            // Beside seeds/, in the site's own temporary folder, which the test deletes.
            var outside = Path.Combine(Path.GetDirectoryName(seeds)!, "outside.md");
            System.IO.File.WriteAllText(outside, Md("title: 外部\ndate: 2024-08-09", Body));
            System.IO.File.CreateSymbolicLink(Path.Combine(seeds, "outside.md"), outside);
        });
        yield return new("Word document in seeds/", [File("report.docx", [0x50, 0x4B, 0x03, 0x04, .. Text("word/document.xml")])], 0, "report.docx",
            ExpectedMessage: "unsupported type .docx; skipped");
        yield return new("dangling symlink in seeds/", [], 0, "gone.md", ExpectedMessage: "does not exist; skipped", Arrange: seeds =>
            System.IO.File.CreateSymbolicLink(Path.Combine(seeds, "gone.md"), Path.Combine(seeds, "deleted-article.md")));
        yield return new("only dates out of the window", [File("old.md", Md("title: 舊事\ndate: 2016-05-01", "2015年3月，深圳某公司成立。1999年，另一件事。"))], 0, RequiredInOutput: ["舊事"]);
        yield return new("file larger than the configured limit", [File("big.txt", Text("深圳新聞網2024年8月9日訊 " + new string('河', 4000)))], 1, "big.txt", Config: "limits:\n  max_file_bytes: 2000\n");
    }

    private static byte[] Binary(int length)
    {
        var random = new Random(7);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        bytes[10] = 0;
        bytes[100] = 0;
        return bytes;
    }

    private static string BillionLaughs()
    {
        var lines = new StringBuilder("title: lol\ndate: 2024-01-02\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var name = (char)('a' + i);
            var previous = (char)('a' + i - 1);
            lines.Append($"{name}: &{name} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n");
        }

        return lines.ToString().TrimEnd('\n');
    }
}
