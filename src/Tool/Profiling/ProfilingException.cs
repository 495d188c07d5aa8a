namespace AllocAnalyzers.Tool.Profiling;

/// <summary>A failure the user can act on: printed as one message, never as a stack trace.</summary>
internal sealed class ProfilingException(string message, int exitCode = ProfilingException.UsageOrTargetError, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Bad arguments, a missing process, a program that would not start.</summary>
    public const int UsageOrTargetError = 2;

    /// <summary>The target ran but gave no usable events, or a trace could not be read.</summary>
    public const int NoDataError = 3;

    public int ExitCode { get; } = exitCode;
}
