using System;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>The allocator under the profiled API: one family of alloc/realloc/free that agree.</summary>
    public interface INativeHeap
    {
        string Name { get; }

        IntPtr Alloc(long size);

        /// <summary>Zeroed memory, by calloc where the heap has it (fresh pages need no clearing).</summary>
        IntPtr AllocZeroed(long size);

        IntPtr Realloc(IntPtr block, long size);

        void Free(IntPtr block);
    }
}
