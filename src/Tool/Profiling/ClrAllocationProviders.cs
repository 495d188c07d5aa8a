using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace AllocAnalyzers.Tool.Profiling;

/// <summary>The EventPipe providers a recording asks for.</summary>
internal static class ClrAllocationProviders
{
    public static IReadOnlyList<EventPipeProvider> For(AllocationEventSource source)
    {
        // Enabling this provider at all, whatever the keywords, also makes the target's managed
        // NativeRuntimeEventSource build and keep ~218 KB of event metadata that every later full GC
        // marks: no client can avoid it (docs/profiler.md, "Overhead").
        // EventPipe takes every event's stack itself: the Stack keyword would add a second stack
        // walk per event (the ClrStackWalk event) and cost about as much again.
        // Jit and Loader: method and module names, so that stacks resolve to method names;
        // JittedMethodILToNativeMap: native offsets to IL offsets, which the PDB turns into lines.
        var keywords = ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.Loader
            | ClrTraceEventParser.Keywords.JittedMethodILToNativeMap;
        if (source != AllocationEventSource.Tick) keywords |= ClrTraceEventParser.Keywords.AllocationSampling;
        // GCAllocationTick is a verbose event of the GC keyword.
        if (source != AllocationEventSource.Sampled) keywords |= ClrTraceEventParser.Keywords.GC;
        return [new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)keywords)];
    }
}
