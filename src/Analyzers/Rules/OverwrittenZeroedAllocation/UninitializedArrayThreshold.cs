namespace AllocAnalyzers.Rules.OverwrittenZeroedAllocation
{
    /// <summary>
    /// Where <c>GC.AllocateUninitializedArray&lt;T&gt;</c> really skips zeroing. In dotnet/runtime
    /// (src/coreclr/System.Private.CoreLib/src/System/GC.CoreCLR.cs, <c>AllocateUninitializedArray</c>),
    /// an unpinned request falls back to <c>new T[length]</c> when
    /// <c>RuntimeHelpers.IsReferenceOrContainsReferences&lt;T&gt;()</c> or when
    /// <c>length &lt; 2048 / Unsafe.SizeOf&lt;T&gt;()</c> ("small arrays are allocated using new[] as that is
    /// generally faster"); only larger arrays get <c>GC_ALLOC_ZEROING_OPTIONAL</c>.
    /// </summary>
    internal static class UninitializedArrayThreshold
    {
        public const long FallbackBytes = 2048;

        /// <summary>True when an array of <paramref name="length"/> elements of <paramref name="elementSize"/> bytes would still be zeroed.</summary>
        public static bool StillZeroed(long length, long elementSize) => elementSize <= 0 || length < FallbackBytes / elementSize;
    }
}
