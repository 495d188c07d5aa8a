namespace AllocAnalyzers.Runtime.Estimates
{
    /// <summary>What one occurrence of an allocation pattern costs, under one cost profile.</summary>
    public sealed class CostEstimate
    {
        public CostEstimate(long bytesZeroed, double seconds, bool largeObjectHeap, string explanation)
        {
            BytesZeroed = bytesZeroed;
            Seconds = seconds;
            LargeObjectHeap = largeObjectHeap;
            Explanation = explanation;
        }

        /// <summary>Bytes written with zeros (by the runtime, the allocator or the kernel).</summary>
        public long BytesZeroed { get; }

        /// <summary>Estimated time, in seconds.</summary>
        public double Seconds { get; }

        /// <summary>True when a managed allocation lands on the Large Object Heap.</summary>
        public bool LargeObjectHeap { get; }

        /// <summary>A short, human-readable account of where the cost comes from.</summary>
        public string Explanation { get; }
    }
}
