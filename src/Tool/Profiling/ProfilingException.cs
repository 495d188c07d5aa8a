namespace AllocAnalyzers.Tool.Profiling;

/// <summary>A failure the user can act on: printed as one message, never as a stack trace.</summary>
internal sealed class ProfilingException(string message, int exitCode = ProfilingException.TargetError, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>A missing process, one without a .NET diagnostics port, a program that would not start.</summary>
    public const int TargetError = 2;

    /// <summary>Nothing usable was recorded: no allocation events, a trace that could not be read, a stop before the recording started, or outputs that could not be written.</summary>
    public const int NoDataError = 3;

    public int ExitCode { get; } = exitCode;

    /// <summary>Ctrl+C or SIGTERM before the session started.</summary>
    public static ProfilingException StoppedBeforeRecording() =>
        new("Stopped before the recording started: nothing was recorded.", NoDataError);
}
