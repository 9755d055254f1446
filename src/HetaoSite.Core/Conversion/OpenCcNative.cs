using System.Reflection;
using System.Runtime.InteropServices;

namespace HetaoSite.Core.Conversion;

/// <summary>
/// P/Invoke declarations of the OpenCC C API (<c>opencc.h</c>). The library is found by <see cref="Resolve"/> under any
/// of its usual names, so a missing library is a <see cref="DllNotFoundException"/> we can turn into advice.
/// </summary>
internal static class OpenCcNative
{
    public const string Library = "opencc";

    /// <summary>File names the library has on Debian/Ubuntu (libopencc1.1), other Linux builds and Homebrew.</summary>
    public static readonly string[] Candidates =
    [
        "libopencc.so.1.1", "libopencc.so.1", "libopencc.so", "libopencc.dylib", "libopencc.1.1.dylib",
        "/opt/homebrew/lib/libopencc.dylib", "/usr/local/lib/libopencc.dylib", "opencc.dll",
    ];

    private static readonly Lock Gate = new();
    private static bool _registered;
    private static nint _handle;

    /// <summary>Registers the resolver (once per process) and says whether the library could be loaded.</summary>
    public static bool TryLoad()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(OpenCcNative).Assembly, Resolve);
                _registered = true;
            }

            if (_handle == 0)
            {
                foreach (var name in Candidates)
                {
                    if (NativeLibrary.TryLoad(name, out _handle))
                    {
                        break;
                    }
                }
            }

            return _handle != 0;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Library ? _handle : 0;

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which this project keeps off; the signatures are blittable.
    [DllImport(Library, EntryPoint = "opencc_open", CallingConvention = CallingConvention.Cdecl)]
    public static extern OpenCcHandle Open(byte[] configFileName);

    [DllImport(Library, EntryPoint = "opencc_convert_utf8", CallingConvention = CallingConvention.Cdecl)]
    public static extern nint ConvertUtf8(OpenCcHandle handle, byte[] input, nuint length);

    [DllImport(Library, EntryPoint = "opencc_convert_utf8_free", CallingConvention = CallingConvention.Cdecl)]
    public static extern void FreeUtf8(nint text);

    [DllImport(Library, EntryPoint = "opencc_close", CallingConvention = CallingConvention.Cdecl)]
    public static extern int Close(nint handle);

    [DllImport(Library, EntryPoint = "opencc_error", CallingConvention = CallingConvention.Cdecl)]
    public static extern nint Error();
#pragma warning restore SYSLIB1054

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="text"/>, as C expects.</summary>
    public static byte[] Utf8Z(string text)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text) + 1];
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    public static string LastError() => Marshal.PtrToStringUTF8(Error()) ?? "unknown OpenCC error";
}
