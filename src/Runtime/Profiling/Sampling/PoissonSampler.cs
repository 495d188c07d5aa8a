using System;

namespace AllocAnalyzers.Runtime.Profiling.Sampling
{
    /// <summary>
    /// Decides which allocations to sample, Go's MemProfileRate way: sample points fall on the
    /// stream of allocated bytes as a Poisson process, so the gap to the next point is exponential
    /// with mean <see cref="MeanBytes"/>. A block of s bytes is sampled when a point falls inside
    /// it, with probability 1 - exp(-s / mean) whatever happened before (the process is memoryless);
    /// <see cref="SampleWeights"/> turns that into unbiased estimates.
    /// </summary>
    /// <remarks>Not thread-safe: keep one per thread (the native profiler keeps one per thread).</remarks>
    public sealed class PoissonSampler
    {
        private readonly Random _random;
        private long _bytesUntilSample;

        /// <param name="meanBytes">Mean bytes between samples; 1 samples every allocation.</param>
        /// <param name="seed">Fixes the sequence of samples, for tests.</param>
        public PoissonSampler(long meanBytes, int? seed = null)
        {
            if (meanBytes < 1) throw new ArgumentOutOfRangeException(nameof(meanBytes), meanBytes, "The mean must be at least one byte.");
            MeanBytes = meanBytes;
            _random = seed is int s ? new Random(s) : new Random();
            _bytesUntilSample = NextGap();
        }

        public long MeanBytes { get; }

        /// <summary>True when the next <paramref name="size"/> allocated bytes hold a sample point.</summary>
        public bool ShouldSample(long size)
        {
            if (size <= 0) return false;
            if (MeanBytes == 1) return true;
            if (size < _bytesUntilSample)
            {
                _bytesUntilSample -= size;
                return false;
            }

            // Points past this block are independent of the one inside it: draw afresh, as Go did.
            _bytesUntilSample = NextGap();
            return true;
        }

        /// <summary>An exponential gap by inversion: -mean * ln(U), U uniform in (0, 1].</summary>
        private long NextGap()
        {
            var u = 1.0 - _random.NextDouble();
            var gap = -Math.Log(u) * MeanBytes;
            return gap >= long.MaxValue ? long.MaxValue : Math.Max(1, (long)Math.Ceiling(gap));
        }
    }
}
