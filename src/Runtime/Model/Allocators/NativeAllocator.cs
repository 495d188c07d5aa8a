using System;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// What the three C allocators share: every call pays the heap's bookkeeping, malloc and calloc
    /// differ only in whether the block must read as zero, and realloc is modelled as allocate, copy,
    /// free (the copying path, which is what large reallocs take). Each allocator supplies how it
    /// finds and releases a block.
    /// </summary>
    public abstract class NativeAllocator : INativeAllocator
    {
        protected NativeAllocator(SimulationContext context)
        {
            Context = context ?? throw new ArgumentNullException(nameof(context));
        }

        public abstract string Name { get; }

        protected SimulationContext Context { get; }

        public NativeBlock Malloc(long size) => Charged(size, clear: false);

        public NativeBlock Calloc(long size) => Charged(size, clear: true);

        public NativeBlock Realloc(NativeBlock block, long size)
        {
            var moved = Charged(size, clear: false);
            long copy = Math.Min(block.Requested, size);
            Context.Write(moved.Mapping, moved.Offset, copy);
            Context.Ledger.Copy(copy);
            Free(block);
            return moved;
        }

        public void Free(NativeBlock block)
        {
            Context.Ledger.HeapCall(block.Requested);
            Release(block);
        }

        /// <summary>Finds a block of <paramref name="size"/> bytes; when <paramref name="clear"/>, it must read as zero.</summary>
        protected abstract NativeBlock Allocate(long size, bool clear);

        /// <summary>Gives a block back (to a free list, a cache, or the kernel).</summary>
        protected abstract void Release(NativeBlock block);

        private NativeBlock Charged(long size, bool clear)
        {
            if (size < 0) throw new ArgumentOutOfRangeException(nameof(size));
            Context.Ledger.HeapCall(size);
            return Allocate(size, clear);
        }
    }
}
