namespace AllocAnalyzers.Tool.Profiling;

/// <summary>One frame of an allocation stack: a method, its module, and its source line when known.</summary>
internal sealed record StackFrame(string Method, string Module, string File = "", int Line = 0);
