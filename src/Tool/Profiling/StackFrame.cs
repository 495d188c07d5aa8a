namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// One frame of an allocation stack: a method, its module, and where known its source file, the
/// first line of its body (<see cref="StartLine"/>) and the line of the call or allocation the
/// frame was at (<see cref="Line"/>, from the runtime's IL-to-native maps and the PDB).
/// </summary>
internal sealed record StackFrame(string Method, string Module, string File = "", int StartLine = 0, int Line = 0);
