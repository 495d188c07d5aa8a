using System;

namespace AllocAnalyzers.Runtime.Costs
{
    /// <summary>Mutable holder of a profile's values; <see cref="Build"/> validates them.</summary>
    public sealed class CostProfileBuilder
    {
        public CostProfileBuilder()
        {
        }

        internal CostProfileBuilder(CostProfile p)
        {
            Name = p.Name;
            Version = p.Version;
            Source = p.Source;
            foreach (var field in CostProfileFields.Numeric) field.Set(this, field.Get(p));
        }

        public string Name { get; set; } = "custom";
        public int Version { get; set; } = 1;
        public string Source { get; set; } = string.Empty;
        public double ZeroingBytesPerSecondInCache { get; set; }
        public double ZeroingBytesPerSecondLarge { get; set; }
        public long CacheResidentBytes { get; set; }
        public long LargeBytes { get; set; }
        public double PageFaultSeconds { get; set; }
        public double ZeroPageFaultSeconds { get; set; }
        public double MapSeconds { get; set; }
        public double UnmapSeconds { get; set; }
        public double UnmapSecondsPerResidentPage { get; set; }
        public double AdviseSeconds { get; set; }
        public double HeapCallSeconds { get; set; }
        public double HeapLargeCallSeconds { get; set; }
        public double SmallAllocationSeconds { get; set; }
        public double SmallSlowPathSeconds { get; set; }
        public double LargeAllocationSeconds { get; set; }
        public double Gen0CollectionSeconds { get; set; }
        public long Gen0BudgetBytes { get; set; }
        public double Gen2CollectionSeconds { get; set; }
        public long LohBytesPerGen2 { get; set; }
        public double PoolRentReturnSeconds { get; set; }
        public double ReusedBlockZeroingBytesPerSecond { get; set; }

        /// <summary>The first problem with these values, naming the .globalconfig key, or null when they are valid.</summary>
        public string? Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) return CostProfileConfig.KeyPrefix + "name: a cost profile needs a non-empty name";
            if (Version < 1) return CostProfileConfig.KeyPrefix + "version: expected a positive integer, got " + Version;
            foreach (var field in CostProfileFields.Numeric)
            {
                string? error = field.Check(field.Get(this));
                if (error != null) return CostProfileConfig.KeyPrefix + field.Key + ": " + error;
            }

            if (LargeBytes <= CacheResidentBytes)
            {
                return CostProfileConfig.KeyPrefix + "zeroing_large_bytes: expected more than zeroing_cache_bytes (" + CacheResidentBytes + "), got " + LargeBytes;
            }

            return null;
        }

        /// <summary>The immutable profile; throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
        public CostProfile Build()
        {
            string? error = Validate();
            if (error != null) throw new ArgumentException(error);
            return new CostProfile(this);
        }
    }
}
