using AllocAnalyzers.Runtime.Model.Allocators;

namespace AllocAnalyzers.Runtime.Model.Simulation
{
    /// <summary>Choices that change which allocator variant is simulated.</summary>
    public sealed class SimulationOptions
    {
        /// <summary>The libmalloc version and machine class for macOS (default: libmalloc-116, the calloc story's).</summary>
        public LibmallocConfig MacOS { get; set; } = AllocatorCatalog.DefaultMacOSVariant.Config;

        /// <summary>A fixed glibc mmap threshold (M_MMAP_THRESHOLD / MALLOC_MMAP_THRESHOLD_), which also disables the dynamic raise.</summary>
        public long? GlibcMmapThreshold { get; set; }

        /// <summary>Repetitions longer than this are simulated in part and extrapolated from a steady-state window.</summary>
        public long ExactRepeatLimit { get; set; } = 1024;

        /// <summary>
        /// At most this many iterations are spent looking for, and measuring, a collecting loop's period. A small
        /// value makes estimates fast at the price of missing rare collections (gen 0 after thousands of small arrays,
        /// a few percent of their cost).
        /// </summary>
        public int MaxSteadyStateIterations { get; set; } = 32768;

        /// <summary>
        /// The cap on <see cref="MaxSteadyStateIterations"/> for estimates made inside a compilation (the analyzers):
        /// a few thousand simulated iterations keep one estimate to milliseconds, at the price of missing collections
        /// rarer than that (a few percent of the cost of thousands of small arrays).
        /// </summary>
        public const int AnalyzerSteadyStateIterations = 2048;

        public static SimulationOptions Default => new SimulationOptions();
    }
}
