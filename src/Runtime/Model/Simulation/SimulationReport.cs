using System.Collections.Generic;
using AllocAnalyzers.Runtime.Costs;

namespace AllocAnalyzers.Runtime.Model.Simulation
{
    /// <summary>What a trace cost on one platform under one cost profile, and why.</summary>
    public sealed class SimulationReport
    {
        internal SimulationReport(TargetPlatform platform, string allocator, CostProfile profile, SimulationTotals totals,
            long peakResidentBytes, long finalResidentBytes, bool extrapolated)
        {
            Platform = platform;
            Allocator = allocator;
            Profile = profile;
            Totals = totals;
            PeakResidentBytes = peakResidentBytes;
            FinalResidentBytes = finalResidentBytes;
            Extrapolated = extrapolated;
        }

        public TargetPlatform Platform { get; }

        /// <summary>The allocator model used, e.g. "glibc malloc".</summary>
        public string Allocator { get; }

        public CostProfile Profile { get; }

        public SimulationTotals Totals { get; }

        public double AllocatorZeroedBytes => Totals.AllocatorZeroedBytes;
        public double KernelZeroedBytes => Totals.KernelZeroedBytes;
        public double PageFaults => Totals.PageFaults;
        public double Syscalls => Totals.Syscalls;
        public double Gen0Collections => Totals.Gen0Collections;
        public double Gen2Collections => Totals.Gen2Collections;
        public double Seconds => Totals.Seconds;
        public long PeakResidentBytes { get; }
        public long FinalResidentBytes { get; }

        /// <summary>True when part of a long repetition was extrapolated from its steady state.</summary>
        public bool Extrapolated { get; }

        /// <summary>Each operation's paths with counts and costs, in order of first use.</summary>
        public IReadOnlyList<PathStat> Paths => Totals.Paths;
    }
}
