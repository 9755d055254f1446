using Microsoft.Win32.SafeHandles;

namespace HetaoSite.Core.Conversion;

/// <summary>An open OpenCC converter (<c>opencc_t</c>); <c>opencc_open</c> returns -1 on failure, which is invalid here.</summary>
internal sealed class OpenCcHandle : SafeHandleMinusOneIsInvalid
{
    public OpenCcHandle()
        : base(ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0 || handle == -1;

    protected override bool ReleaseHandle() => OpenCcNative.Close(handle) == 0;
}
