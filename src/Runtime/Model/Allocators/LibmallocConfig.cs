namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// Size bands and large-block cache limits of one libmalloc version and machine class
    /// (apple-oss-distributions/libmalloc: src/magazine_zone.h in libmalloc-116, src/thresholds.h and src/large.c in 283 and later).
    /// </summary>
    public sealed class LibmallocConfig
    {
        public LibmallocConfig(string name, long tinyMax, long smallMax, long mediumMax, int cacheEntries, long cacheEntryLimit, long cacheTotalLimit, bool cacheEnabled = true)
        {
            Name = name;
            TinyMax = tinyMax;
            SmallMax = smallMax;
            MediumMax = mediumMax;
            CacheEntries = cacheEntries;
            CacheEntryLimit = cacheEntryLimit;
            CacheTotalLimit = cacheTotalLimit;
            CacheEnabled = cacheEnabled;
        }

        public string Name { get; }

        /// <summary>Largest tiny request: (NUM_TINY_SLOTS − 1) × TINY_QUANTUM = 63 × 16 = 1008 bytes on 64-bit.</summary>
        public long TinyMax { get; }

        /// <summary>Largest small request; larger requests are medium (if engaged) or large.</summary>
        public long SmallMax { get; }

        /// <summary>Largest medium request, or 0 when the medium rack is not engaged.</summary>
        public long MediumMax { get; }

        /// <summary>Entries in the large "death row" cache.</summary>
        public int CacheEntries { get; }

        /// <summary>Blocks this large or larger never enter the cache and are never served from it.</summary>
        public long CacheEntryLimit { get; }

        /// <summary>Bytes the cache may hold in total.</summary>
        public long CacheTotalLimit { get; }

        /// <summary>False with MallocLargeCache=0 or MallocSpaceEfficient=1, and on iOS (CONFIG_LARGE_CACHE off).</summary>
        public bool CacheEnabled { get; }

        /// <summary>Smallest "large" request.</summary>
        public long LargeMin => (MediumMax > 0 ? MediumMax : SmallMax) + 1;

        /// <summary>
        /// libmalloc-116 (macOS 10.12, the calloc story), 64-bit: LARGE_ENTRY_CACHE_SIZE 16,
        /// LARGE_CACHE_SIZE_LIMIT 0x80000000 (2 GiB), LARGE_CACHE_SIZE_ENTRY_LIMIT = limit / 16 = 128 MiB;
        /// large from LARGE_THRESHOLD_LARGEMEM = 127 × 1024 bytes (machines with ≥ 1 GiB).
        /// </summary>
        public static LibmallocConfig Libmalloc116 { get; } =
            new LibmallocConfig("libmalloc-116", 1008, 127 * 1024 - 1, 0, 16, 128L << 20, 2L << 30);

        /// <summary>
        /// Newer libmalloc (283 and later) on a Mac with less than 32 GiB (LARGE_CACHE_EXPANDED_THRESHOLD):
        /// small up to 32 KiB, no medium rack, LARGE_ENTRY_CACHE_SIZE_LOW 16 entries of under
        /// LARGE_ENTRY_SIZE_ENTRY_LIMIT_LOW = 128 MiB. No separate total limit is modelled beyond entries × entry limit.
        /// </summary>
        public static LibmallocConfig ModernSmallMemory { get; } =
            new LibmallocConfig("libmalloc-283+ (<32 GiB)", 1008, 32 * 1024, 0, 16, 128L << 20, 16L * (128L << 20));

        /// <summary>
        /// Newer libmalloc on a Mac with 32 GiB or more: medium rack engaged (MEDIUM_ACTIVATION_THRESHOLD 32 GiB) up to
        /// 8 MiB, LARGE_ENTRY_CACHE_SIZE_HIGH 64 entries of under LARGE_ENTRY_SIZE_ENTRY_LIMIT_HIGH = 512 MiB.
        /// </summary>
        public static LibmallocConfig ModernLargeMemory { get; } =
            new LibmallocConfig("libmalloc-283+ (>=32 GiB)", 1008, 32 * 1024, 8L << 20, 64, 512L << 20, 64L * (512L << 20));
    }
}
