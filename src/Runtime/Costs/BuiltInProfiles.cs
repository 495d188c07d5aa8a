namespace AllocAnalyzers.Runtime.Costs
{
    /// <summary>Cost profiles that ship with the package.</summary>
    public static class BuiltInProfiles
    {
        /// <summary>
        /// Measured on the project's reference machine: a 2-vCPU AMD EPYC (Zen 5) Linux VM, glibc 2.36,
        /// .NET 10, workstation GC (shared/FACTS.md, "measured here"):
        /// memset ≈170 GB/s for 16 KiB–1 MiB and ≈90 GB/s at 100–512 MiB;
        /// first write touch of a 4 KiB page 0.6 µs;
        /// <c>new byte[1 MiB]</c> per iteration 37 µs with a gen 2 collection about every 5 iterations,
        /// against 5.9 µs for a hoisted buffer cleared with Array.Clear — so each gen 2 collection costs
        /// about (37 − 5.9) µs × 5 ≈ 155 µs and comes after about 5 MiB of LOH allocation.
        /// </summary>
        public static CostProfile LinuxReference { get; } = new CostProfile(
            name: "linux-x64-reference",
            version: 1,
            source: "2-vCPU AMD EPYC (Zen 5) VM, Debian 12, glibc 2.36, .NET 10 workstation GC; loops timed with Stopwatch (shared/FACTS.md)",
            zeroingBytesPerSecondInCache: 170e9,
            zeroingBytesPerSecondLarge: 90e9,
            cacheResidentBytes: 1L << 20,
            largeBytes: 100L << 20,
            pageFaultSeconds: 0.6e-6,
            gen2CollectionSeconds: 155e-6,
            lohBytesPerGen2: 5L << 20);

        /// <summary>The profile used when the user supplies none.</summary>
        public static CostProfile Default => LinuxReference;
    }
}
