using System.Text;

namespace HetaoSite.Cli.Serving;

/// <summary>
/// Adds the live-reload script to an HTML response on its way out of the preview server. The built files never
/// contain it. The script is served from the same origin, so the site's CSP (<c>script-src 'self'</c>) allows it.
/// </summary>
public static class LiveReloadInjector
{
    public const string ScriptPath = "/__hetao/livereload.js";

    public const string ScriptTag = $"<script src=\"{ScriptPath}\" defer></script>";

    /// <summary>Inserts <see cref="ScriptTag"/> before the last <c>&lt;/body&gt;</c>, or at the end when there is none.</summary>
    public static byte[] Inject(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body", StringComparison.OrdinalIgnoreCase);
        var result = at < 0 ? text + ScriptTag : string.Concat(text.AsSpan(0, at), ScriptTag, text.AsSpan(at));
        return Encoding.UTF8.GetBytes(result);
    }
}
