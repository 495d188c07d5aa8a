namespace AllocAnalyzers.Tool.Profiling.Lines;

/// <summary>
/// What a stack tells about the instruction a frame was at: the leaf (allocating) frame was at an
/// instruction that allocates <see cref="AllocatedType"/> (the event's type name); any other
/// frame was at a call of the frame above it, <see cref="CalleeMethod"/> (TraceEvent's full method
/// name). <see cref="None"/> when neither is known.
/// </summary>
internal readonly record struct FrameHint(string? AllocatedType, string? CalleeMethod)
{
    public static FrameHint None => default;

    public static FrameHint Allocates(string typeName) => new(typeName, null);

    public static FrameHint Calls(string calleeFullMethodName) => new(null, calleeFullMethodName);
}
