namespace HetaoSite.Cli;

/// <summary>Process exit codes, part of the interface contract.</summary>
public static class ExitCode
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;
}
