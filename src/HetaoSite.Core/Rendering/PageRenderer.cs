using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Renders pages one after the other on one thread, reusing one template context and one output buffer: a new context
/// builds Scriban's whole builtin library, and a page rendered through <see cref="Template.Render(TemplateContext)"/>
/// is copied several times on its way to bytes. Each page gets globals of its own (<c>page</c> and whatever its
/// templates assign), popped and emptied after it, so nothing a page sets is seen by the next one. A page's own layout renders into
/// a second buffer, which the base layout's <c>{{ content }}</c> copies into the page (<see cref="LayoutContent"/>)
/// instead of the body being made a string first.
/// </summary>
internal sealed class PageRenderer
{
    private readonly TemplateSet _set;
    private readonly TemplateContext _context;
    private readonly CharBufferOutput _output = new(64 * 1024);
    private readonly CharBufferOutput _body = new(64 * 1024);

    // The page as UTF-8, overwritten by the next page: a page's bytes are lent to the output sink, which writes them
    // (or copies them, if it keeps them), instead of each page being a new array, a large one for a list page.
    private byte[] _utf8 = new byte[128 * 1024];
    private readonly LayoutContent _content;

    // The page's own globals (page, content and whatever its templates assign), emptied after each page: made anew for
    // every page, its table would grow step by step again as the templates assign.
    private readonly ScriptObject _locals = new(32);

    public PageRenderer(TemplateSet set)
    {
        _set = set;
        _context = SiteTemplateContext.Create(set);
        _context.PushOutput(_output);
        _content = new LayoutContent(_body);
    }

    /// <summary>The path of the template being evaluated (for error messages).</summary>
    public string? Current { get; private set; }

    /// <summary>
    /// The bytes of <paramref name="job"/>'s page (UTF-8), <paramref name="page"/> being its <c>page</c> object, in a
    /// buffer of this renderer's that its next page overwrites. When
    /// <paramref name="traced"/>, what its templates read from the globals goes to the thread's current
    /// <see cref="PageTrace"/>; otherwise the page sees the plain globals and nothing is noted. A <see cref="Scriban.Syntax.ScriptRuntimeException"/> leaves
    /// this renderer in an unknown state: the caller drops it.
    /// </summary>
    public ReadOnlySpan<byte> Render(PageJob job, ScriptObject page, bool traced)
    {
        var context = _context;
        context.PushGlobal(traced ? job.Model.TracedGlobals : job.Model.Globals);
        var locals = _locals;
        context.PushGlobal(locals);
        try
        {
            locals["page"] = page;
            _output.Clear();
            context.ResetPreviousNewLine();
            Current = job.Template;
            if (job.Layout is null)
            {
                Evaluate(_set.Get(job.Template));
                return _output.ToUtf8(ref _utf8);
            }

            _body.Clear();
            context.PushOutput(_body);
            try
            {
                Evaluate(_set.Get(job.Template));
            }
            finally
            {
                context.PopOutput();
            }

            locals["content"] = _content;
            context.ResetPreviousNewLine();
            Current = job.Layout;
            Evaluate(_set.Get(job.Layout));
            return _output.ToUtf8(ref _utf8);
        }
        finally
        {
            context.PopGlobal();
            context.PopGlobal();
            locals.Clear();
        }
    }

    private void Evaluate(Template template) => WriteTo(_context, template);

    /// <summary>
    /// What <see cref="Template.Render(TemplateContext)"/> does, without turning the output into a string: evaluates
    /// <paramref name="template"/>, writing to <paramref name="context"/>'s current output.
    /// </summary>
    internal static void WriteTo(TemplateContext context, Template template)
    {
        if (template.Page is null)
        {
            return;
        }

        if (template.SourceFilePath is not null)
        {
            context.PushSourceFile(template.SourceFilePath);
        }

        try
        {
            if (context.Evaluate(template.Page) is { } result && context.EnableOutput)
            {
                context.Write(template.Page.Span, result);
            }
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                context.PopSourceFile();
            }
        }
    }
}

/// <summary>A growable character buffer for Scriban's output, kept from page to page (or from partial to partial).</summary>
internal sealed class CharBufferOutput(int capacity) : IScriptOutput
{
    private char[] _buffer = new char[capacity];
    private int _length;

    public void Clear() => _length = 0;

    public void Write(string text, int offset, int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        text.CopyTo(offset, _buffer, _length, count);
        _length += count;
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Appends what <paramref name="other"/> holds.</summary>
    public void Write(CharBufferOutput other)
    {
        if (_length + other._length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + other._length));
        }

        other._buffer.AsSpan(0, other._length).CopyTo(_buffer.AsSpan(_length));
        _length += other._length;
    }

    /// <summary>The text as UTF-8, in <paramref name="buffer"/> (replaced by a larger one when it is too small).</summary>
    public ReadOnlySpan<byte> ToUtf8(ref byte[] buffer)
    {
        if (buffer.Length < Encoding.UTF8.GetMaxByteCount(_length))
        {
            var needed = Encoding.UTF8.GetByteCount(_buffer, 0, _length);
            if (buffer.Length < needed)
            {
                buffer = new byte[Math.Max(needed, buffer.Length * 2)];
            }
        }

        return buffer.AsSpan(0, Encoding.UTF8.GetBytes(_buffer, 0, _length, buffer, 0));
    }

    public override string ToString() => new(_buffer, 0, _length);
}

/// <summary>
/// <c>content</c> in the base layout: what the page's own layout wrote. As a statement of its own at no indentation
/// (<c>{{ content }}</c>) it copies that output straight into the page; anywhere else it is the text, as a string
/// (so <c>content | string.size</c> or <c>if content</c> work as on any text).
/// </summary>
internal sealed class LayoutContent(CharBufferOutput body) : IScriptCustomFunction
{
    public int RequiredParameterCount => 0;

    public int ParameterCount => 0;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(string);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (context.EnableOutput && string.IsNullOrEmpty(context.CurrentIndent) && context.Output is CharBufferOutput output
            && callerContext is ScriptVariable { Parent: ScriptExpressionStatement })
        {
            output.Write(body);
            return null;
        }

        return body.ToString();
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}

/// <summary>
/// Scriban's context, with one shortcut: an argument passed to a parameter of type <see cref="object"/> (the site's own
/// functions take <c>object</c>: <c>include</c>'s template, <c>include_cached</c>'s keys) is the value itself, found
/// without Scriban's walk through every conversion it knows (the same result: only a value that converts itself,
/// <see cref="IScriptConvertibleTo"/>, could come out different, and it still goes to Scriban).
/// </summary>
internal sealed class SiteTemplateContext : TemplateContext
{
    private readonly TemplateSet _set;
    private readonly int _depth;
    private SiteTemplateContext? _isolated;

    private SiteTemplateContext(TemplateSet set, int depth)
    {
        _set = set;
        _depth = depth;
    }

    /// <summary>A context for rendering <paramref name="set"/>'s templates, its builtins guarded for <see cref="PageTrace"/>.</summary>
    public static SiteTemplateContext Create(TemplateSet set) => Create(set, 0);

    private static SiteTemplateContext Create(TemplateSet set, int depth)
    {
        var context = new SiteTemplateContext(set, depth)
        {
            StrictVariables = true,
            LoopLimit = SiteRenderer.LoopLimit,
            RecursiveLimit = SiteRenderer.RecursiveLimit,
            LimitToString = 0,
            TemplateLoader = new SiteTemplateLoader(set),
            NewLine = "\n",
        };
        set.Prime(context);
        PageTrace.GuardBuiltins(context);
        return context;
    }

    /// <summary>
    /// A second context of this one's, made on first use, in which a cached partial renders (<see cref="CachedIncludeFunction"/>):
    /// it sees only the globals and its keys, none of the variables of the page that includes it. A cached partial
    /// that includes another cached partial renders it in the next one, up to <see cref="SiteRenderer.RecursiveLimit"/> deep.
    /// </summary>
    public SiteTemplateContext Isolated(ScriptNode? callerContext) => _isolated ??= _depth < SiteRenderer.RecursiveLimit
        ? Create(_set, _depth + 1)
        : throw new ScriptRuntimeException(callerContext?.Span ?? default, $"include_cached is nested more than {SiteRenderer.RecursiveLimit} deep");

    public override object? ToObject(SourceSpan span, object? value, Type destinationType) =>
        destinationType == typeof(object) && value is not IScriptConvertibleTo ? value : base.ToObject(span, value, destinationType);
}
