using System;
using AllocAnalyzers.Runtime.Profiling.AddressMap;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>Settings of a <see cref="NativeAllocationProfiler"/>.</summary>
    public sealed class NativeProfilerOptions
    {
        /// <summary>Go's default MemProfileRate: one sample per 512 KiB allocated on average.</summary>
        public const long DefaultSamplingRate = 512 * 1024;

        /// <summary>Mean bytes between samples; 1 samples every allocation, 0 turns sampling off.</summary>
        public long SamplingRate { get; set; } = DefaultSamplingRate;

        /// <summary>Seeds the per-thread samplers (thread n gets Seed + n), for reproducible tests.</summary>
        public int? Seed { get; set; }

        public AddressMapOptions AddressMap { get; set; } = AddressMapOptions.Default;

        /// <summary>The allocator; <see cref="NativeHeaps.Default"/> when null.</summary>
        public INativeHeap? Heap { get; set; }

        internal void Validate()
        {
            if (SamplingRate < 0) throw new ArgumentOutOfRangeException(nameof(SamplingRate), SamplingRate, "The sampling rate cannot be negative.");
            if (AddressMap is null) throw new ArgumentException("AddressMap options are required.", nameof(AddressMap));
        }
    }
}
