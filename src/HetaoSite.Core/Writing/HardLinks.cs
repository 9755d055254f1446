using System.Runtime.InteropServices;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Hard links, which .NET has no API for: <c>link(2)</c> from libc on Linux and macOS. A link costs one system call
/// and no data, and keeps the file's inode and modification time, so servers and rsync see an unchanged file.
/// </summary>
internal static class HardLinks
{
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Creates <paramref name="link"/> as a second name of <paramref name="existing"/>; false if that is not possible here.</summary>
    public static bool TryCreate(string existing, string link)
    {
        if (!IsSupported)
        {
            return false;
        }

        try
        {
            return NativeLink(CString(existing), CString(link)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // Paths are passed as NUL-terminated UTF-8 bytes (what Linux expects) so no string marshalling is involved.
    private static byte[] CString(string path) => System.Text.Encoding.UTF8.GetBytes(path + '\0');

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeLink(byte[] existing, byte[] link);
}
