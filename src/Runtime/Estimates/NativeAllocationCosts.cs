using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Simulation;
using AllocAnalyzers.Runtime.Model.Trace;

namespace AllocAnalyzers.Runtime.Estimates
{
    /// <summary>Cost estimates for native allocation loops on each platform, used by the analyzers' messages.</summary>
    public static class NativeAllocationCosts
    {
        /// <summary>
        /// Per-iteration steady-state cost of <c>calloc(bytes)</c> + <c>free</c> in a loop. The explanation names
        /// the path, e.g. "macOS libmalloc (libmalloc-116): served from the large-block cache: bzero 100 MiB".
        /// </summary>
        public static CostEstimate RepeatedCallocFree(long bytes, TargetPlatform platform, CostProfile profile) =>
            Loop(TraceOpKind.Calloc, bytes, platform, profile, null);

        /// <summary>As <see cref="RepeatedCallocFree(long, TargetPlatform, CostProfile)"/>, with a chosen allocator variant.</summary>
        public static CostEstimate RepeatedCallocFree(long bytes, TargetPlatform platform, CostProfile profile, SimulationOptions options) =>
            Loop(TraceOpKind.Calloc, bytes, platform, profile, options);

        /// <summary>Per-iteration steady-state cost of <c>malloc(bytes)</c> + <c>free</c> in a loop.</summary>
        public static CostEstimate RepeatedMallocFree(long bytes, TargetPlatform platform, CostProfile profile) =>
            Loop(TraceOpKind.Malloc, bytes, platform, profile, null);

        /// <summary>As <see cref="RepeatedMallocFree(long, TargetPlatform, CostProfile)"/>, with a chosen allocator variant.</summary>
        public static CostEstimate RepeatedMallocFree(long bytes, TargetPlatform platform, CostProfile profile, SimulationOptions options) =>
            Loop(TraceOpKind.Malloc, bytes, platform, profile, options);

        /// <summary>Null options take the analyzers' path: default allocators, bounded work, answers remembered per profile.</summary>
        private static CostEstimate Loop(TraceOpKind kind, long bytes, TargetPlatform platform, CostProfile profile, SimulationOptions? options)
        {
            long size = bytes < 0 ? 0 : bytes > (1L << 40) ? 1L << 40 : bytes;
            string allocator = Simulator.CreateAllocator(platform, new SimulationContext(profile), options ?? SimulationOptions.Default).Name;
            return SteadyState.Estimate(new[] { TraceOp.Sized(kind, size), TraceOp.Plain(TraceOpKind.Free) },
                platform, profile, kind, largeObjectHeap: false, allocator, options);
        }
    }
}
