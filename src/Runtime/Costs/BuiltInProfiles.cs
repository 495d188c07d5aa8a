using System;
using System.Collections.Generic;

namespace AllocAnalyzers.Runtime.Costs
{
    /// <summary>Cost profiles that ship with the package.</summary>
    public static class BuiltInProfiles
    {
        /// <summary>
        /// Measured with <c>alloc-analyzers calibrate</c> (2026-11-22, 04:48 UTC; the least disturbed of three runs)
        /// on the project's reference machine:
        /// a 2-vCPU AMD EPYC (Zen 5) VM, Debian 12, glibc 2.36, .NET 10.0.12, workstation GC, while three other
        /// builds shared it (load average about 6). Timings are minima over short batches (each .NET loop the
        /// fastest of five fresh processes); docs/runtime-model.md, "Calibration", says which loop sets which value.
        /// Values rounded to three significant figures. On an idle machine faults and munmap are cheaper.
        /// </summary>
        public static CostProfile LinuxReference { get; } = new CostProfileBuilder
        {
            Name = "linux-x64-reference",
            Version = 5,
            Source = "alloc-analyzers calibrate, 2026-11-22, 2-vCPU AMD EPYC (Zen 5) VM, Debian 12, glibc 2.36, .NET 10.0.12 workstation GC, shared machine (load ~6)",
            ZeroingBytesPerSecondInCache = 1.6e+11,
            ZeroingBytesPerSecondLarge = 9.31e+10,
            CacheResidentBytes = 1L << 20,
            LargeBytes = 100L << 20,
            PageFaultSeconds = 1.39e-06,
            ZeroPageFaultSeconds = 6.77e-07,
            MapSeconds = 1.4e-06,
            UnmapSeconds = 5.36e-06,
            UnmapSecondsPerResidentPage = 2.74e-07,
            AdviseSeconds = 4.4e-07,
            HeapCallSeconds = 5.52e-09,
            HeapLargeCallSeconds = 1.63e-08,
            SmallAllocationSeconds = 1.04e-08,
            SmallSlowPathSeconds = 7.75e-08,
            LargeAllocationSeconds = 4.22e-06,
            Gen0CollectionSeconds = 1.96e-05,
            Gen0BudgetBytes = 16_864_367,
            Gen2CollectionSeconds = 5.17e-05,
            LohBytesPerGen2 = 3_146_249,
            PoolRentReturnSeconds = 1.34e-08,
        }.Build();

        /// <summary>
        /// The calloc story's Mac (macOS 10.12.2, libmalloc-116, 2016). Measured there, and the only figure
        /// published for that machine: 10,000 × calloc(100 MiB)/free took about 8 minutes, each calloc served
        /// from the large-block cache and bzeroing the reused 100 MiB block, so that clearing runs at
        /// 10,000 × 104,857,600 B / ≈480 s ≈ 2.18 GB/s (lukasa.co.uk/2016/12/Debugging_Your_Operating_System,
        /// psf/requests#3729). That is <see cref="CostProfile.ReusedBlockZeroingBytesPerSecond"/>, and only that:
        /// the figure includes taking back pages madvise(MADV_FREE_REUSABLE) had given up, so it says nothing
        /// about an ordinary memset. Derived, not measured: the ordinary memset bandwidths and every other unit
        /// cost are linux-x64-reference's (hardware-bound, as for windows-x64-derived), an upper bound for a 2016
        /// laptop. Measuring them needs a calibrate run on a Mac (calibrate is Linux-only today).
        /// </summary>
        public static CostProfile MacOS2016Seed { get; } = Derive(LinuxReference, "macos-2016-seed",
            "large-cache bzero bandwidth measured by the calloc story (10,000 x calloc(100 MiB)/free = ~8 min on macOS 10.12.2); ordinary memset and other costs derived from linux-x64-reference",
            b =>
            {
                b.ReusedBlockZeroingBytesPerSecond = CallocStoryIterations * CallocStoryBlockBytes / CallocStorySeconds;
            });

        private const double CallocStoryIterations = 10_000;
        private const double CallocStoryBlockBytes = 100L << 20;
        private const double CallocStorySeconds = 480;

        /// <summary>
        /// Windows x64 on the reference machine's hardware: memory bandwidth and fault costs are properties of the
        /// hardware, so they are the reference figures; no Windows run was measured for this release.
        /// </summary>
        public static CostProfile WindowsDerived { get; } = Derive(LinuxReference, "windows-x64-derived",
            "hardware-bound costs from linux-x64-reference; not measured on Windows (run alloc-analyzers calibrate there)",
            _ => { });

        /// <summary>The profile used when the user supplies none.</summary>
        public static CostProfile Default => LinuxReference;

        /// <summary>The built-in profile for estimates on <paramref name="platform"/>.</summary>
        public static CostProfile For(TargetPlatform platform) => platform switch
        {
            TargetPlatform.MacOS => MacOS2016Seed,
            TargetPlatform.Windows => WindowsDerived,
            _ => LinuxReference,
        };

        /// <summary>Every built-in profile, by name.</summary>
        public static IReadOnlyList<CostProfile> All { get; } = new[] { LinuxReference, MacOS2016Seed, WindowsDerived };

        public static IEnumerable<string> Names
        {
            get
            {
                foreach (var p in All) yield return p.Name;
            }
        }

        public static bool TryGet(string name, out CostProfile profile)
        {
            foreach (var p in All)
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    profile = p;
                    return true;
                }
            }

            profile = Default;
            return false;
        }

        private static CostProfile Derive(CostProfile from, string name, string source, Action<CostProfileBuilder> change)
        {
            var b = from.ToBuilder();
            b.Name = name;
            b.Source = source;
            change(b);
            return b.Build();
        }
    }
}
