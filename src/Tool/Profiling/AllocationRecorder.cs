using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>Feeds the runtime's allocation events, with their stacks, into an <see cref="AllocationProfile"/>.</summary>
internal static class AllocationRecorder
{
    public static void Attach(TraceEventDispatcher source, AllocationProfile profile, SourceLineResolver? lines)
    {
        source.Clr.AllocationSampling += data =>
        {
            var isLarge = data.AllocationKind == GCAllocationKind.Large || data.ObjectSize >= AllocationProfile.LargeObjectBytes;
            var type = TypeName(data.TypeName);
            profile.AddSampled(StackResolver.Frames(data, type, lines), type, isLarge, data.ObjectSize);
        };
        source.Clr.GCAllocationTick += data =>
        {
            var isLarge = data.AllocationKind == GCAllocationKind.Large;
            var type = TypeName(data.TypeName);
            profile.AddTick(StackResolver.Frames(data, type, lines), type, isLarge, data.AllocationAmount64, data.ObjectSize);
        };
    }

    private static string TypeName(string? name) => string.IsNullOrEmpty(name) ? "[unknown type]" : name;
}
