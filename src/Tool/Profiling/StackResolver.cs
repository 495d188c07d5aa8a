using AllocAnalyzers.Tool.Profiling.Lines;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>
/// Turns an event's call stack into frames, leaf first. The frames above the first managed
/// method are the runtime's allocation helpers (native, unnamed): they are dropped so that the
/// leaf is the method that allocated, which is what a site means here.
/// </summary>
internal static class StackResolver
{
    public static IReadOnlyList<StackFrame> Frames(TraceEvent data, string typeName, SourceLineResolver? lines)
    {
        var frames = new List<StackFrame>();
        string? callee = null; // the previous (inner) frame's method, when it has a name
        for (var stack = data.CallStack(); stack is not null; stack = stack.Caller)
        {
            var address = stack.CodeAddress;
            var method = address.FullMethodName;
            if (string.IsNullOrEmpty(method))
            {
                if (frames.Count == 0) continue; // allocation helpers above the allocating method
                method = $"{address.ModuleName}!0x{address.Address:x}";
            }

            var hint = frames.Count == 0 ? FrameHint.Allocates(typeName) : callee is not null ? FrameHint.Calls(callee) : FrameHint.None;
            callee = string.IsNullOrEmpty(address.FullMethodName) ? null : address.FullMethodName;
            var source = lines?.Resolve(address, hint) ?? SourceLines.None;
            frames.Add(new StackFrame(method, address.ModuleName ?? "", source.File, source.StartLine, source.Line));
        }

        return frames;
    }
}
