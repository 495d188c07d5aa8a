namespace AllocAnalyzers.Operations
{
    internal enum AllocationKind
    {
        /// <summary><c>new T[n]</c>.</summary>
        ArrayCreation,

        /// <summary><c>GC.AllocateArray&lt;T&gt;(n)</c>.</summary>
        GcAllocateArray,

        /// <summary>A constructor whose capacity argument sizes a backing array (List, MemoryStream, ...).</summary>
        CapacityConstructor,
    }
}
