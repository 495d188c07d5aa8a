using AllocAnalyzers.Runtime.Costs;

namespace AllocAnalyzers.Runtime.Estimates
{
    /// <summary>Cost estimates for managed (.NET GC) allocations, used by the analyzers' messages.</summary>
    public static class ManagedAllocationCosts
    {
        /// <summary>
        /// Objects of this many bytes or more go to the Large Object Heap
        /// (dotnet/runtime src/coreclr/gc/gc.h, <c>LARGE_OBJECT_SIZE = 85000</c>).
        /// </summary>
        public const long LargeObjectHeapThreshold = 85000;

        /// <summary>
        /// One zero-initialized array allocation of <paramref name="bytes"/> bytes, repeated: the GC
        /// clears the whole object; on the LOH every <see cref="CostProfile.LohBytesPerGen2"/> bytes of
        /// allocation also cost one gen 2 collection, amortized over the allocations that caused it.
        /// </summary>
        public static CostEstimate RepeatedArrayAllocation(long bytes, CostProfile profile)
        {
            double zeroing = profile.ZeroingSeconds(bytes);
            bool loh = bytes >= LargeObjectHeapThreshold;
            if (!loh)
            {
                return new CostEstimate(bytes, zeroing, largeObjectHeap: false,
                    explanation: "small-object heap: the allocation context is cleared in advance");
            }

            double gcShare = profile.Gen2CollectionSeconds * bytes / profile.LohBytesPerGen2;
            return new CostEstimate(bytes, zeroing + gcShare, largeObjectHeap: true,
                explanation: "Large Object Heap: cleared at allocation, reclaimed only by gen 2 collections");
        }

        /// <summary>Clearing <paramref name="bytes"/> bytes that are already in a live buffer.</summary>
        public static CostEstimate Clear(long bytes, CostProfile profile) =>
            new CostEstimate(bytes, profile.ZeroingSeconds(bytes), largeObjectHeap: false, explanation: "memset of the buffer");
    }
}
