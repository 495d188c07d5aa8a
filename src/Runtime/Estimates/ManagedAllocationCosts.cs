using System;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Trace;

namespace AllocAnalyzers.Runtime.Estimates
{
    /// <summary>Cost estimates for managed (.NET GC) allocations, used by the analyzers' messages.</summary>
    public static class ManagedAllocationCosts
    {
        /// <summary>
        /// Objects of this many bytes or more go to the Large Object Heap
        /// (dotnet/runtime src/coreclr/gc/gc.h, <c>LARGE_OBJECT_SIZE = 85000</c>).
        /// </summary>
        public const long LargeObjectHeapThreshold = ManagedHeap.LargeObjectThreshold;

        /// <summary>Below this many bytes GC.AllocateUninitializedArray still returns a zeroed new T[n].</summary>
        public const long UninitializedArrayMinBytes = ManagedHeap.UninitializedMinBytes;

        /// <summary>
        /// Per-iteration cost of <c>new T[n]</c> of <paramref name="bytes"/> bytes in a loop: the clear,
        /// first-touch faults of fresh LOH pages, and the share of gen 0 or gen 2 collections.
        /// </summary>
        public static CostEstimate RepeatedArrayAllocation(long bytes, CostProfile profile) =>
            Managed(TraceOpKind.New, bytes, profile, "new T[n]");

        /// <summary>Per-iteration cost of <c>GC.AllocateUninitializedArray&lt;T&gt;(n)</c> in a loop.</summary>
        public static CostEstimate UninitializedArrayAllocation(long bytes, CostProfile profile) =>
            Managed(TraceOpKind.Uninit, bytes, profile, "GC.AllocateUninitializedArray");

        /// <summary>Per-iteration cost of <c>ArrayPool&lt;T&gt;.Shared</c> Rent + Return in a loop (steady state: pool hits).</summary>
        public static CostEstimate PooledRent(long bytes, CostProfile profile) =>
            SteadyState.Estimate(
                new[] { TraceOp.Sized(TraceOpKind.Rent, Clamp(bytes)), TraceOp.Plain(TraceOpKind.Return) },
                TargetPlatform.Linux, profile, TraceOpKind.Rent, largeObjectHeap: false, "ArrayPool<T>.Shared");

        /// <summary>
        /// Clearing <paramref name="bytes"/> bytes of a live buffer (hoist + Array.Clear; a redundant clear): one memset,
        /// priced by the profile's zeroing bandwidth alone. No simulation is needed: in a loop's steady state the
        /// buffer's pages are resident (no faults) and no allocator is involved — what the simulator's <c>clear</c>
        /// operation charges (<see cref="ManagedHeap.ClearLiveBuffer"/>), without running it.
        /// </summary>
        public static CostEstimate Clear(long bytes, CostProfile profile)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            long size = Clamp(bytes);
            return new CostEstimate(size, profile.ZeroingSeconds(size), largeObjectHeap: false, "Array.Clear: " + ManagedHeap.LiveBufferClearPath(size));
        }

        private static CostEstimate Managed(TraceOpKind kind, long bytes, CostProfile profile, string prefix) =>
            SteadyState.Estimate(new[] { TraceOp.Sized(kind, Clamp(bytes)) }, TargetPlatform.Linux, profile, kind,
                largeObjectHeap: ManagedHeap.IsLarge(Clamp(bytes)), prefix);

        // Negative sizes (unknown at compile time) cost nothing; the model never allocates more than 2^40 bytes at once.
        private static long Clamp(long bytes) => bytes < 0 ? 0 : bytes > (1L << 40) ? 1L << 40 : bytes;
    }
}
