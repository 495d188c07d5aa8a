using System;

namespace AllocAnalyzers.Runtime.Costs
{
    /// <summary>
    /// A named, versioned set of unit costs that prices the events of the allocation model
    /// (bytes zeroed, page faults, system calls, collections). All times are in seconds, all sizes in bytes.
    /// Immutable; build one with <see cref="CostProfileBuilder"/>. The field list, with the keys used in
    /// a .globalconfig, is <see cref="CostProfileFields"/>.
    /// </summary>
    public sealed class CostProfile
    {
        internal CostProfile(CostProfileBuilder b)
        {
            Name = b.Name;
            Version = b.Version;
            Source = b.Source ?? string.Empty;
            ZeroingBytesPerSecondInCache = b.ZeroingBytesPerSecondInCache;
            ZeroingBytesPerSecondLarge = b.ZeroingBytesPerSecondLarge;
            CacheResidentBytes = b.CacheResidentBytes;
            LargeBytes = b.LargeBytes;
            PageFaultSeconds = b.PageFaultSeconds;
            ZeroPageFaultSeconds = b.ZeroPageFaultSeconds;
            MapSeconds = b.MapSeconds;
            UnmapSeconds = b.UnmapSeconds;
            UnmapSecondsPerResidentPage = b.UnmapSecondsPerResidentPage;
            AdviseSeconds = b.AdviseSeconds;
            HeapCallSeconds = b.HeapCallSeconds;
            HeapLargeCallSeconds = b.HeapLargeCallSeconds;
            SmallAllocationSeconds = b.SmallAllocationSeconds;
            SmallSlowPathSeconds = b.SmallSlowPathSeconds;
            LargeAllocationSeconds = b.LargeAllocationSeconds;
            Gen0CollectionSeconds = b.Gen0CollectionSeconds;
            Gen0BudgetBytes = b.Gen0BudgetBytes;
            Gen2CollectionSeconds = b.Gen2CollectionSeconds;
            LohBytesPerGen2 = b.LohBytesPerGen2;
            PoolRentReturnSeconds = b.PoolRentReturnSeconds;
            ReusedBlockZeroingBytesPerSecond = b.ReusedBlockZeroingBytesPerSecond;
        }

        public string Name { get; }
        public int Version { get; }

        /// <summary>Where the figures come from: machine, date, method.</summary>
        public string Source { get; }

        /// <summary>memset bandwidth (bytes/s) for blocks that stay in cache (up to <see cref="CacheResidentBytes"/>).</summary>
        public double ZeroingBytesPerSecondInCache { get; }

        /// <summary>memset bandwidth (bytes/s) for blocks of <see cref="LargeBytes"/> and more (memory-bound).</summary>
        public double ZeroingBytesPerSecondLarge { get; }

        public long CacheResidentBytes { get; }
        public long LargeBytes { get; }

        /// <summary>One first-touch write fault on a 4 KiB anonymous page (the kernel allocates and zeroes it).</summary>
        public double PageFaultSeconds { get; }

        /// <summary>One read fault on untouched anonymous memory (maps the shared zero page; nothing is zeroed).</summary>
        public double ZeroPageFaultSeconds { get; }

        /// <summary>One mmap / VirtualAlloc / vm_allocate call, or one brk/sbrk call.</summary>
        public double MapSeconds { get; }

        /// <summary>One munmap / VirtualFree call, before its per-page part.</summary>
        public double UnmapSeconds { get; }

        /// <summary>Extra unmap (or decommit) cost per resident page released (page-table and TLB work).</summary>
        public double UnmapSecondsPerResidentPage { get; }

        /// <summary>One madvise call (MADV_FREE_REUSABLE / MADV_FREE_REUSE on macOS, MADV_DONTNEED on Linux).</summary>
        public double AdviseSeconds { get; }

        /// <summary>Fixed bookkeeping of one heap call (malloc, calloc, realloc or free) that needs no system call.</summary>
        public double HeapCallSeconds { get; }

        /// <summary>Bookkeeping of one heap call for a block too large for the per-thread cache (bins, top chunk, consolidation).</summary>
        public double HeapLargeCallSeconds { get; }

        /// <summary>Fixed cost of one small-object allocation (allocation helper, context refills), beyond clearing.</summary>
        public double SmallAllocationSeconds { get; }

        /// <summary>
        /// Extra cost of a small-object allocation too large for an allocation context (above the 8 KiB + 32
        /// quantum): each one takes the allocator's slow path for a context of its own.
        /// </summary>
        public double SmallSlowPathSeconds { get; }

        /// <summary>Fixed cost of one large or pinned object allocation (the GC's slow path: lock, find or commit room), beyond clearing.</summary>
        public double LargeAllocationSeconds { get; }

        /// <summary>One gen 0 collection of a heap whose young objects are all dead.</summary>
        public double Gen0CollectionSeconds { get; }

        /// <summary>Small-object bytes allocated between two gen 0 collections.</summary>
        public long Gen0BudgetBytes { get; }

        /// <summary>One full (gen 2) collection of a small, mostly dead heap.</summary>
        public double Gen2CollectionSeconds { get; }

        /// <summary>Large-object-heap bytes allocated, on average, between two gen 2 collections.</summary>
        public long LohBytesPerGen2 { get; }

        /// <summary>One ArrayPool&lt;T&gt;.Shared Rent + Return pair served from the pool.</summary>
        public double PoolRentReturnSeconds { get; }

        /// <summary>
        /// Zeroing bandwidth (bytes/s) for a block taken back from an allocator's cache of freed blocks
        /// (libmalloc's large cache, whose blocks were madvise(MADV_FREE_REUSABLE)d): the whole block is
        /// cleared, pages given back to the kernel included. 0 means the ordinary memset bandwidth.
        /// </summary>
        public double ReusedBlockZeroingBytesPerSecond { get; }

        /// <summary>
        /// Zeroing bandwidth for a block of <paramref name="bytes"/>: the in-cache figure up to the
        /// cache-resident size, the large figure from the large size on, and a log-linear blend between.
        /// </summary>
        public double ZeroingBytesPerSecond(long bytes)
        {
            if (bytes <= CacheResidentBytes) return ZeroingBytesPerSecondInCache;
            if (bytes >= LargeBytes) return ZeroingBytesPerSecondLarge;
            double t = (Math.Log(bytes) - Math.Log(CacheResidentBytes)) / (Math.Log(LargeBytes) - Math.Log(CacheResidentBytes));
            return ZeroingBytesPerSecondInCache + t * (ZeroingBytesPerSecondLarge - ZeroingBytesPerSecondInCache);
        }

        /// <summary>Seconds to zero <paramref name="bytes"/> with one memset.</summary>
        public double ZeroingSeconds(long bytes) => bytes <= 0 ? 0 : bytes / ZeroingBytesPerSecond(bytes);

        /// <summary>Seconds to clear a reused cached block of <paramref name="bytes"/> (see <see cref="ReusedBlockZeroingBytesPerSecond"/>).</summary>
        public double ReusedBlockZeroingSeconds(long bytes) =>
            bytes <= 0 ? 0 : ReusedBlockZeroingBytesPerSecond > 0 ? bytes / ReusedBlockZeroingBytesPerSecond : ZeroingSeconds(bytes);

        /// <summary>A builder holding this profile's values, to derive a changed copy.</summary>
        public CostProfileBuilder ToBuilder() => new CostProfileBuilder(this);

        public override string ToString() => Name + " v" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
