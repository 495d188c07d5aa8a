using System;
using System.Runtime.InteropServices;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>
    /// Marshal's HGlobal family, for runtimes without NativeMemory. It has no calloc, so
    /// AllocZeroed clears the block itself.
    /// </summary>
    internal sealed unsafe class HGlobalHeap : INativeHeap
    {
        public string Name => "HGlobal";

        public IntPtr Alloc(long size) => Marshal.AllocHGlobal(new IntPtr(size));

        public IntPtr AllocZeroed(long size)
        {
            var block = Marshal.AllocHGlobal(new IntPtr(size));
            Clear((byte*)block, size);
            return block;
        }

        public IntPtr Realloc(IntPtr block, long size) =>
            block == IntPtr.Zero ? Marshal.AllocHGlobal(new IntPtr(size)) : Marshal.ReAllocHGlobal(block, new IntPtr(size));

        public void Free(IntPtr block) => Marshal.FreeHGlobal(block);

        private static void Clear(byte* p, long size)
        {
            long i = 0;
            for (; i + sizeof(ulong) <= size; i += sizeof(ulong)) *(ulong*)(p + i) = 0;
            for (; i < size; i++) p[i] = 0;
        }
    }
}
