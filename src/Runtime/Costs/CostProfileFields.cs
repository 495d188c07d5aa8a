using System;
using System.Collections.Generic;

namespace AllocAnalyzers.Runtime.Costs
{
    /// <summary>What a numeric profile value measures, which fixes how it is written and checked.</summary>
    public enum CostUnit
    {
        /// <summary>A duration in seconds (written like 6.1e-07).</summary>
        Seconds,

        /// <summary>A size in bytes (a whole number).</summary>
        Bytes,

        /// <summary>A bandwidth in bytes per second.</summary>
        BytesPerSecond,
    }

    /// <summary>One numeric field of a cost profile: its .globalconfig key, unit, meaning and bounds.</summary>
    public sealed class CostProfileField
    {
        private readonly Func<CostProfile, double> _getProfile;
        private readonly Func<CostProfileBuilder, double> _getBuilder;
        private readonly Action<CostProfileBuilder, double> _set;

        internal CostProfileField(string key, CostUnit unit, bool mayBeZero, string description,
            Func<CostProfile, double> getProfile, Func<CostProfileBuilder, double> getBuilder, Action<CostProfileBuilder, double> set)
        {
            Key = key;
            Unit = unit;
            MayBeZero = mayBeZero;
            Description = description;
            _getProfile = getProfile;
            _getBuilder = getBuilder;
            _set = set;
        }

        /// <summary>The key after <see cref="CostProfileConfig.KeyPrefix"/>.</summary>
        public string Key { get; }
        public CostUnit Unit { get; }
        public bool MayBeZero { get; }
        public string Description { get; }

        public double Get(CostProfile profile) => _getProfile(profile);
        internal double Get(CostProfileBuilder builder) => _getBuilder(builder);
        internal void Set(CostProfileBuilder builder, double value) => _set(builder, value);

        /// <summary>Null when <paramref name="value"/> is acceptable, else what was expected and what was got.</summary>
        internal string? Check(double value)
        {
            string expected = (MayBeZero ? "a non-negative" : "a positive") + " finite number of " + UnitName;
            if (double.IsNaN(value) || double.IsInfinity(value)) return "expected " + expected + ", got " + value;
            if (MayBeZero ? value < 0 : value <= 0) return "expected " + expected + ", got " + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            if (Unit == CostUnit.Bytes && (value != Math.Floor(value) || value > long.MaxValue)) return "expected a whole number of bytes, got " + value;
            return null;
        }

        internal string UnitName => Unit switch
        {
            CostUnit.Seconds => "seconds",
            CostUnit.Bytes => "bytes",
            _ => "bytes per second",
        };
    }

    /// <summary>The numeric fields of a cost profile, in the order they are written.</summary>
    public static class CostProfileFields
    {
        public static IReadOnlyList<CostProfileField> Numeric { get; } = new[]
        {
            F("zeroing_bandwidth_cache", CostUnit.BytesPerSecond, false, "memset bandwidth for blocks up to zeroing_cache_bytes",
                p => p.ZeroingBytesPerSecondInCache, b => b.ZeroingBytesPerSecondInCache, (b, v) => b.ZeroingBytesPerSecondInCache = v),
            F("zeroing_bandwidth_large", CostUnit.BytesPerSecond, false, "memset bandwidth for blocks of zeroing_large_bytes and more",
                p => p.ZeroingBytesPerSecondLarge, b => b.ZeroingBytesPerSecondLarge, (b, v) => b.ZeroingBytesPerSecondLarge = v),
            F("zeroing_cache_bytes", CostUnit.Bytes, false, "largest block zeroed at the in-cache bandwidth",
                p => p.CacheResidentBytes, b => b.CacheResidentBytes, (b, v) => b.CacheResidentBytes = (long)v),
            F("zeroing_large_bytes", CostUnit.Bytes, false, "smallest block zeroed at the large-block bandwidth (log-linear blend between)",
                p => p.LargeBytes, b => b.LargeBytes, (b, v) => b.LargeBytes = (long)v),
            F("page_fault_seconds", CostUnit.Seconds, true, "first write to an untouched 4 KiB anonymous page (kernel zeroes it)",
                p => p.PageFaultSeconds, b => b.PageFaultSeconds, (b, v) => b.PageFaultSeconds = v),
            F("zero_page_fault_seconds", CostUnit.Seconds, true, "first read of an untouched page (maps the shared zero page)",
                p => p.ZeroPageFaultSeconds, b => b.ZeroPageFaultSeconds, (b, v) => b.ZeroPageFaultSeconds = v),
            F("map_seconds", CostUnit.Seconds, true, "one mmap / VirtualAlloc / brk call",
                p => p.MapSeconds, b => b.MapSeconds, (b, v) => b.MapSeconds = v),
            F("unmap_seconds", CostUnit.Seconds, true, "one munmap / VirtualFree call, fixed part",
                p => p.UnmapSeconds, b => b.UnmapSeconds, (b, v) => b.UnmapSeconds = v),
            F("unmap_seconds_per_resident_page", CostUnit.Seconds, true, "unmap or decommit cost per resident page released",
                p => p.UnmapSecondsPerResidentPage, b => b.UnmapSecondsPerResidentPage, (b, v) => b.UnmapSecondsPerResidentPage = v),
            F("advise_seconds", CostUnit.Seconds, true, "one madvise call",
                p => p.AdviseSeconds, b => b.AdviseSeconds, (b, v) => b.AdviseSeconds = v),
            F("heap_call_seconds", CostUnit.Seconds, true, "bookkeeping of one malloc/calloc/realloc/free without a system call",
                p => p.HeapCallSeconds, b => b.HeapCallSeconds, (b, v) => b.HeapCallSeconds = v),
            F("heap_large_call_seconds", CostUnit.Seconds, true, "bookkeeping of one heap call for a block above 1032 bytes (no per-thread cache)",
                p => p.HeapLargeCallSeconds, b => b.HeapLargeCallSeconds, (b, v) => b.HeapLargeCallSeconds = v),
            F("small_allocation_seconds", CostUnit.Seconds, true, "fixed cost of one small-object (gen 0) array allocation, beyond clearing",
                p => p.SmallAllocationSeconds, b => b.SmallAllocationSeconds, (b, v) => b.SmallAllocationSeconds = v),
            F("small_slow_path_seconds", CostUnit.Seconds, true, "extra cost of a small-object allocation above the 8 KiB + 32 allocation quantum",
                p => p.SmallSlowPathSeconds, b => b.SmallSlowPathSeconds, (b, v) => b.SmallSlowPathSeconds = v),
            F("large_allocation_seconds", CostUnit.Seconds, true, "fixed cost of one large or pinned array allocation, beyond clearing",
                p => p.LargeAllocationSeconds, b => b.LargeAllocationSeconds, (b, v) => b.LargeAllocationSeconds = v),
            F("gen0_collection_seconds", CostUnit.Seconds, true, "one gen 0 collection of dead young objects",
                p => p.Gen0CollectionSeconds, b => b.Gen0CollectionSeconds, (b, v) => b.Gen0CollectionSeconds = v),
            F("gen0_budget_bytes", CostUnit.Bytes, false, "small-object bytes allocated between gen 0 collections",
                p => p.Gen0BudgetBytes, b => b.Gen0BudgetBytes, (b, v) => b.Gen0BudgetBytes = (long)v),
            F("gen2_collection_seconds", CostUnit.Seconds, true, "one full (gen 2) collection of a small heap",
                p => p.Gen2CollectionSeconds, b => b.Gen2CollectionSeconds, (b, v) => b.Gen2CollectionSeconds = v),
            F("loh_bytes_per_gen2", CostUnit.Bytes, false, "large-object-heap bytes allocated between gen 2 collections",
                p => p.LohBytesPerGen2, b => b.LohBytesPerGen2, (b, v) => b.LohBytesPerGen2 = (long)v),
            F("pool_rent_return_seconds", CostUnit.Seconds, true, "one ArrayPool<T>.Shared Rent + Return served from the pool",
                p => p.PoolRentReturnSeconds, b => b.PoolRentReturnSeconds, (b, v) => b.PoolRentReturnSeconds = v),
            F("reused_block_zeroing_bandwidth", CostUnit.BytesPerSecond, true, "clearing bandwidth of a block reused from an allocator's cache of freed blocks (libmalloc's large cache); 0 = the memset bandwidth",
                p => p.ReusedBlockZeroingBytesPerSecond, b => b.ReusedBlockZeroingBytesPerSecond, (b, v) => b.ReusedBlockZeroingBytesPerSecond = v),
        };

        private static CostProfileField F(string key, CostUnit unit, bool mayBeZero, string description,
            Func<CostProfile, double> getProfile, Func<CostProfileBuilder, double> getBuilder, Action<CostProfileBuilder, double> set) =>
            new CostProfileField(key, unit, mayBeZero, description, getProfile, getBuilder, set);
    }
}
