namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// One frame of an allocation stack: a method, its module, and where known its source file and
/// the first line of its body (<see cref="StartLine"/>; the line of the allocation itself is not
/// resolved: TraceEvent maps the frame to the method's first sequence point).
/// </summary>
internal sealed record StackFrame(string Method, string Module, string File = "", int StartLine = 0);
