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
/// (script, prefix, base path and URL), the source of every template it is rendered with (its template, its layout
/// and what they include), the globals those templates read (<see cref="TemplateReads"/>; only the members read, for
/// <c>site.title</c>-style use) and its own <c>page</c> object. Two pages with the same fingerprint render to the same
/// bytes, so a rendered page can be reused from an <see cref="IPageCache"/> without rendering it (adding one article
/// to ten thousand then renders the pages that show it, not twenty thousand).
/// </summary>
/// <remarks>Values are hashed structurally (<see cref="ScriptObject"/>, <see cref="ScriptArray"/>, strings, numbers,
/// booleans); functions by type, since what they compute is fixed by the engine version and the rendering.</remarks>
internal sealed class PageFingerprints
{
    private readonly SiteModel _model;
    private readonly TemplateSet _templates;
    private readonly byte[] _rendering;
    private readonly ConcurrentDictionary<string, byte[]> _globals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Template, string? Layout), TemplateReads> _reads = new();

    public PageFingerprints(SiteModel model, TemplateSet templates, string basePath, string baseUrl)
    {
        _model = model;
        _templates = templates;
        _rendering = Encoding.UTF8.GetBytes(string.Join('\n', BuildContext.EngineVersion, model.Rendition.Lang,
            model.Rendition.Prefix, model.Rendition.HasAlternate ? "both" : "one", basePath, baseUrl));
    }

    public string Of(PageJob job, ScriptObject page)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        buffer.Write(_rendering);
        Text(buffer, job.OutputPath);
        Text(buffer, job.Template);
        Text(buffer, job.Layout);
        var reads = _reads.GetOrAdd((job.Template, job.Layout), key => Reads(key.Template, key.Layout));
        foreach (var template in reads.Includes.Order(StringComparer.Ordinal))
        {
            Text(buffer, template);
            Text(buffer, _templates.SourceHashes.GetValueOrDefault(template));
        }

        var names = reads.ReadsEverything ? _model.Globals.Keys.Select(k => (k, (HashSet<string>?)null)) : reads.Globals.Select(g => (g.Key, g.Value));
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

        Value(buffer, page);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
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
            var value = _model.Globals.TryGetValue(name, out var found) ? found : null;
            if (member is not null)
            {
                value = value is ScriptObject o && o.TryGetValue(member, out var inner) ? inner : null;
            }

            Value(buffer, value);
            return SHA256.HashData(buffer.WrittenSpan);
        });

    private static void Value(ArrayBufferWriter<byte> buffer, object? value)
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
            case ScriptObject obj:
                buffer.Write("\0{"u8);
                foreach (var key in obj.Keys.Order(StringComparer.Ordinal))
                {
                    Text(buffer, key);
                    Value(buffer, obj[key]);
                }

                buffer.Write("\0}"u8);
                break;
            case ScriptArray array:
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

    private static void Text(ArrayBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            buffer.Write("\0n"u8);
            return;
        }

        buffer.Write("\0s"u8);
        buffer.Write(BitConverter.GetBytes(text.Length));
        buffer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
