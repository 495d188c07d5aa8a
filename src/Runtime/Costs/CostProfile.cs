using System;

namespace AllocAnalyzers.Runtime.Costs
{
    /// <summary>
    /// A named, versioned set of unit costs that prices the events of the allocation model
    /// (bytes zeroed, page faults, collections). All times are in seconds.
    /// </summary>
    public sealed class CostProfile
    {
        public CostProfile(
            string name,
            int version,
            string source,
            double zeroingBytesPerSecondInCache,
            double zeroingBytesPerSecondLarge,
            long cacheResidentBytes,
            long largeBytes,
            double pageFaultSeconds,
            double gen2CollectionSeconds,
            long lohBytesPerGen2)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A cost profile needs a name.", nameof(name));
            RequirePositive(zeroingBytesPerSecondInCache, nameof(zeroingBytesPerSecondInCache));
            RequirePositive(zeroingBytesPerSecondLarge, nameof(zeroingBytesPerSecondLarge));
            RequirePositive(cacheResidentBytes, nameof(cacheResidentBytes));
            if (largeBytes <= cacheResidentBytes) throw new ArgumentException("largeBytes must exceed cacheResidentBytes.", nameof(largeBytes));
            RequireNonNegative(pageFaultSeconds, nameof(pageFaultSeconds));
            RequireNonNegative(gen2CollectionSeconds, nameof(gen2CollectionSeconds));
            RequirePositive(lohBytesPerGen2, nameof(lohBytesPerGen2));

            Name = name;
            Version = version;
            Source = source ?? string.Empty;
            ZeroingBytesPerSecondInCache = zeroingBytesPerSecondInCache;
            ZeroingBytesPerSecondLarge = zeroingBytesPerSecondLarge;
            CacheResidentBytes = cacheResidentBytes;
            LargeBytes = largeBytes;
            PageFaultSeconds = pageFaultSeconds;
            Gen2CollectionSeconds = gen2CollectionSeconds;
            LohBytesPerGen2 = lohBytesPerGen2;
        }

        public string Name { get; }
        public int Version { get; }

        /// <summary>Where the figures come from: machine, date, method.</summary>
        public string Source { get; }

        /// <summary>memset bandwidth for blocks that stay in cache (up to <see cref="CacheResidentBytes"/>).</summary>
        public double ZeroingBytesPerSecondInCache { get; }

        /// <summary>memset bandwidth for blocks of <see cref="LargeBytes"/> and more (memory-bound, non-temporal stores).</summary>
        public double ZeroingBytesPerSecondLarge { get; }

        public long CacheResidentBytes { get; }
        public long LargeBytes { get; }

        /// <summary>Cost of one first-touch write fault on a 4 KiB anonymous page (kernel zeroes it).</summary>
        public double PageFaultSeconds { get; }

        /// <summary>Cost of one full (gen 2) collection of a small, mostly dead heap.</summary>
        public double Gen2CollectionSeconds { get; }

        /// <summary>Large-object-heap bytes allocated, on average, between two gen 2 collections.</summary>
        public long LohBytesPerGen2 { get; }

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

        /// <summary>Seconds to zero <paramref name="bytes"/> with memset.</summary>
        public double ZeroingSeconds(long bytes) => bytes <= 0 ? 0 : bytes / ZeroingBytesPerSecond(bytes);

        private static void RequirePositive(double value, string name)
        {
            if (!(value > 0) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(name, value, "must be a positive, finite number");
        }

        private static void RequireNonNegative(double value, string name)
        {
            if (!(value >= 0) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(name, value, "must be a non-negative, finite number");
        }
    }
}
