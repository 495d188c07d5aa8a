namespace AllocAnalyzers.Operations
{
    /// <summary>The operation that produced a buffer: what the rules need to know of its origin.</summary>
    internal enum BufferSource
    {
        /// <summary><c>new T[n]</c> without an initializer: the GC hands out cleared memory.</summary>
        NewArray,

        /// <summary><c>GC.AllocateArray&lt;T&gt;(n)</c>: cleared like <c>new T[n]</c>.</summary>
        GcAllocateArray,

        /// <summary><c>GC.AllocateUninitializedArray&lt;T&gt;(n)</c>: not cleared (above the runtime's small-array threshold).</summary>
        GcAllocateUninitializedArray,

        /// <summary>A constructor whose capacity argument sizes a backing array (List, MemoryStream, StringBuilder, ...).</summary>
        CapacityConstructor,

        /// <summary><c>ArrayPool&lt;T&gt;.Rent</c>: an array of at least the size, with whatever an earlier renter left in it.</summary>
        ArrayPoolRent,

        /// <summary><c>stackalloc T[n]</c> without an initializer: zeroed by the JIT unless <c>[SkipLocalsInit]</c> applies.</summary>
        Stackalloc,

        /// <summary><c>NativeMemory.Alloc</c>: malloc, not zeroed.</summary>
        NativeAlloc,

        /// <summary><c>NativeMemory.AllocZeroed</c>: calloc.</summary>
        NativeAllocZeroed,

        /// <summary><c>NativeMemory.Realloc</c>: realloc, the grown part not zeroed.</summary>
        NativeRealloc,

        /// <summary><c>Marshal.AllocHGlobal</c>: malloc (LocalAlloc on Windows), not zeroed.</summary>
        AllocHGlobal,

        /// <summary><c>Marshal.AllocCoTaskMem</c>: malloc (CoTaskMemAlloc on Windows), not zeroed.</summary>
        AllocCoTaskMem,

        /// <summary>A P/Invoke bound to <c>calloc(count, size)</c>.</summary>
        CallocImport,

        /// <summary>A P/Invoke bound to <c>malloc(size)</c>.</summary>
        MallocImport,
    }

    internal static class BufferSources
    {
        /// <summary>Native heap memory, counted in bytes and given back with a free call.</summary>
        public static bool IsNative(this BufferSource source) =>
            source >= BufferSource.NativeAlloc;

        /// <summary>A managed array (one the GC owns), whatever its contents.</summary>
        public static bool IsManagedArray(this BufferSource source) =>
            source == BufferSource.NewArray || source == BufferSource.GcAllocateArray || source == BufferSource.GcAllocateUninitializedArray || source == BufferSource.ArrayPoolRent;
    }
}
