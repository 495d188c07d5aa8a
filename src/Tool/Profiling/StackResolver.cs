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
    public static IReadOnlyList<StackFrame> Frames(TraceEvent data, SourceLineResolver? lines)
    {
        var frames = new List<StackFrame>();
        for (var stack = data.CallStack(); stack is not null; stack = stack.Caller)
        {
            var address = stack.CodeAddress;
            var method = address.FullMethodName;
            if (string.IsNullOrEmpty(method))
            {
                if (frames.Count == 0) continue; // allocation helpers above the allocating method
                method = $"{address.ModuleName}!0x{address.Address:x}";
            }

            var source = lines?.Resolve(address) ?? SourceLines.None;
            frames.Add(new StackFrame(method, address.ModuleName ?? "", source.File, source.StartLine, source.Line));
        }

        return frames;
    }
}
