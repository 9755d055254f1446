using System.Runtime.InteropServices;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Hard links (<c>link(2)</c>), where the system has them: the writer places a page kept in the page cache into the
/// output this way instead of reading its bytes and writing them again (see <see cref="SiteWriter"/>).
/// </summary>
internal static class HardLinks
{
    private static bool _unavailable = !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD());

    /// <summary>
    /// Makes <paramref name="created"/> a new name of the file <paramref name="existing"/>. False when it could not:
    /// another file system, a file system or platform without hard links, a name already taken, a missing file.
    /// </summary>
    public static bool TryCreate(string existing, string created)
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            return Link(NulTerminated(existing), NulTerminated(created)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    /// <summary>A path as C expects it: UTF-8 bytes ending in NUL.</summary>
    private static byte[] NulTerminated(string path) => System.Text.Encoding.UTF8.GetBytes(path + '\0');

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this project keeps off; the signature is blittable.
    [DllImport("libc", EntryPoint = "link")]
    private static extern int Link(byte[] existing, byte[] created);
#pragma warning restore SYSLIB1054
}
