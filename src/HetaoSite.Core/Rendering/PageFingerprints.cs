using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Scriban.Runtime;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The fingerprint of a page: a SHA-256 over everything its output can depend on — the engine version, the rendering
/// (script, prefix, base path and URL, the script converter), the source of every template it is rendered with (its
/// template, its layout and what they include), the globals those templates read (<see cref="TemplateReads"/>; only the
/// members read, for <c>site.title</c>-style use) and its own <c>page</c> object, built in
/// <see cref="SharedForm.Records"/>: events and article summaries stand in by the hash of the records they are made
/// from (<see cref="RecordHashes"/>). Two pages with the same fingerprint render to the same bytes, so a rendered page
/// can be reused from an <see cref="IPageCache"/> without rendering it (adding one article to ten thousand then
/// renders the pages that show it, not twenty thousand).
/// </summary>
/// <remarks>Values are hashed structurally (<see cref="ScriptObject"/>, <see cref="ScriptArray"/>, strings, numbers,
/// booleans, event and article records); functions by type, since what they compute is fixed by the engine version and
/// the rendering.</remarks>
internal sealed class PageFingerprints
{
    private readonly SiteModel _model;
    private readonly RecordHashes _records;
    private readonly TemplateSet _templates;
    private readonly byte[] _rendering;
    private readonly ConcurrentDictionary<string, byte[]> _globals = new(StringComparer.Ordinal);
    // Lazy, so that two threads starting on pages of one template do not both hash globals of tens of thousands of events.
    private readonly ConcurrentDictionary<(string Template, string? Layout), Lazy<byte[]>> _prefixes = new();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    public PageFingerprints(SiteModel model, RecordHashes records, TemplateSet templates, string basePath, string baseUrl)
    {
        _model = model;
        _records = records;
        _templates = templates;
        // The converter's identity names its engine and dictionaries: texts shown converted change with them.
        _rendering = Encoding.UTF8.GetBytes(string.Join('\n', BuildContext.EngineVersion, model.Rendition.Lang,
            model.Rendition.Prefix, model.Rendition.HasAlternate ? "both" : "one", model.Rendition.Converter?.Identity ?? "-",
            basePath, baseUrl));
    }

    public string Of(PageJob job, ScriptObject page)
    {
        var buffer = Begin(job);
        Value(buffer, page);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// The fingerprint of an article page from its inputs, without building its <c>page</c> object (most of the cost of
    /// a rebuild where nothing changed): the article's content key, id and file, the site settings, and the hashes of
    /// the records of its summary and of the events it is a source of (<see cref="SiteModel.ArticlePageInputs"/>).
    /// </summary>
    public string OfArticle(PageJob job, Model.ArticleExtraction article)
    {
        var buffer = Begin(job);
        Text(buffer, "article page");
        Text(buffer, article.ContentKey);
        Text(buffer, article.Article.Id);
        Text(buffer, article.Article.FileName);
        Text(buffer, _model.SiteSettingsText);
        foreach (var input in _model.ArticlePageInputs(article.Article.Id))
        {
            Value(buffer, input);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>What every fingerprint starts with: the page's path, then the hash of its templates and the globals they read.</summary>
    private ArrayBufferWriter<byte> Begin(PageJob job)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        buffer.Write(_prefixes.GetOrAdd((job.Template, job.Layout), key => new Lazy<byte[]>(() => Prefix(key.Template, key.Layout))).Value);
        Text(buffer, job.OutputPath);
        return buffer;
    }

    /// <summary>
    /// The hash of what all pages of one template and layout share: the rendering, the templates with what they
    /// include, and the globals they read. Computed once per rendering and template, not per page.
    /// </summary>
    private byte[] Prefix(string template, string? layout)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        buffer.Write(_rendering);
        Text(buffer, template);
        Text(buffer, layout);
        var reads = Reads(template, layout);
        foreach (var include in reads.Includes.Order(StringComparer.Ordinal))
        {
            Text(buffer, include);
            Text(buffer, _templates.SourceHashes.GetValueOrDefault(include));
        }

        var names = reads.ReadsEverything ? _model.RecordGlobals.Keys.Select(k => (k, (HashSet<string>?)null)) : reads.Globals.Select(g => (g.Key, g.Value));
        foreach (var (name, members) in names.OrderBy(n => n.Item1, StringComparer.Ordinal))
        {
            if (members is null)
            {
                buffer.Write(Global(name, null));
                continue;
            }

            foreach (var member in members.Order(StringComparer.Ordinal))
            {
                buffer.Write(Global(name, member));
            }
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    private TemplateReads Reads(string template, string? layout) =>
        TemplateReads.Closure(layout is null ? [template] : [template, layout], _templates.Reads);

    /// <summary>The hash of a global (or of one member of it), computed once per rendering.</summary>
    private byte[] Global(string name, string? member) =>
        _globals.GetOrAdd(member is null ? name : name + "." + member, _ =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            Text(buffer, name);
            Text(buffer, member);
            var value = _model.RecordGlobals.TryGetValue(name, out var found) ? found : null;
            if (member is not null)
            {
                value = Member(value, member);
            }

            Value(buffer, value);
            return SHA256.HashData(buffer.WrittenSpan);
        });

    /// <summary>
    /// What <c>value.member</c> can show: a member of an object; for <c>[].member</c> (read through a loop variable) that
    /// member of every element; for <c>[]</c> (a loop over it) the number of items; anything else (<c>years.size</c>)
    /// depends on the whole value.
    /// </summary>
    private static object? Member(object? value, string member) => (value, member) switch
    {
        (ScriptArray array, "[]") => array.Count,
        (_, "[]") => value,
        (ScriptArray array, ['[', ']', '.', ..]) => array.Select(item => item is ScriptObject o ? Member(o, member[3..]) : item).ToList(),
        (ScriptObject o, _) when !member.StartsWith("[].", StringComparison.Ordinal) => o.TryGetValue(member, out var inner) ? inner : null,
        _ => value,
    };

    // Keys in insertion order: the model builds every object the same way and never removes a key.
    private void Members(ArrayBufferWriter<byte> buffer, ScriptObject obj)
    {
        buffer.Write("\0{"u8);
        foreach (var (key, item) in obj)
        {
            Text(buffer, key);
            Value(buffer, item);
        }

        buffer.Write("\0}"u8);
    }

    private void Value(ArrayBufferWriter<byte> buffer, object? value)
    {
        switch (value)
        {
            case null:
                buffer.Write("\0n"u8);
                break;
            case string text:
                Text(buffer, text);
                break;
            case bool flag:
                buffer.Write(flag ? "\0t"u8 : "\0f"u8);
                break;
            case Model.TimelineEvent e:
                buffer.Write("\0e"u8);
                buffer.Write(_records.Of(e));
                break;
            case Model.Article a:
                buffer.Write("\0a"u8);
                buffer.Write(_records.Of(a));
                break;
            case ScriptObject obj:
                Members(buffer, obj);
                break;
            case IEnumerable<object?> array when value is ScriptArray or List<object?>:
                buffer.Write("\0["u8);
                foreach (var item in array)
                {
                    Value(buffer, item);
                }

                buffer.Write("\0]"u8);
                break;
            case IScriptCustomFunction function:
                Text(buffer, "\0fn " + function.GetType().FullName);
                break;
            case IFormattable number:
                Text(buffer, "\0# " + number.GetType().Name + " " + number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Text(buffer, "\0? " + value.GetType().FullName + " " + value);
                break;
        }
    }

    internal static void Text(ArrayBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            buffer.Write("\0n"u8);
            return;
        }

        buffer.Write("\0s"u8);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), text.Length);
        buffer.Advance(4);
        buffer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
