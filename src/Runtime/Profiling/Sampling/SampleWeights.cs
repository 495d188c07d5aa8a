using System;

namespace AllocAnalyzers.Runtime.Profiling.Sampling
{
    /// <summary>
    /// Scales sampled allocations back to estimated totals. A block of s bytes is sampled with
    /// probability p = 1 - exp(-s / mean), so counting each sample as 1/p blocks (s/p bytes) gives
    /// unbiased totals (Horvitz-Thompson; Go's pprof scaleHeapSample does the same).
    /// </summary>
    public static class SampleWeights
    {
        /// <summary>Probability that a block of <paramref name="size"/> bytes is sampled.</summary>
        public static double Probability(long size, long meanBytes)
        {
            if (size <= 0) return 0;
            if (meanBytes <= 1) return 1;
            // -expm1(-x) keeps precision for small blocks, where 1 - exp(-x) cancels.
            return -ExpM1(-(double)size / meanBytes);
        }

        /// <summary>How many blocks one sample of this size stands for.</summary>
        public static double EstimatedCount(long size, long meanBytes)
        {
            var p = Probability(size, meanBytes);
            return p <= 0 ? 0 : 1 / p;
        }

        /// <summary>How many bytes one sample of this size stands for.</summary>
        public static double EstimatedBytes(long size, long meanBytes) => size * EstimatedCount(size, meanBytes);

        private static double ExpM1(double x) =>
            Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;
    }
}
