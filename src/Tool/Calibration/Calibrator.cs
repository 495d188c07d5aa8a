using AllocAnalyzers.Runtime.Costs;

namespace AllocAnalyzers.Tool.Calibration;

/// <summary>One measured figure, as calibration reports it.</summary>
public sealed record Measurement(string Name, double Value, string Unit);

/// <summary>
/// Measures this machine and derives a cost profile. Each unit cost comes from the smallest loop that
/// isolates it (memset for bandwidth, touching fresh mmap pages for faults, forced collections for GC
/// costs); the GC budgets come from counting collections in allocation loops.
/// </summary>
public sealed class Calibrator
{
    private readonly bool _quick;
    private readonly List<Measurement> _measurements = new();
    private double _mmapPathRound = double.PositiveInfinity;
    private double _loneUnmap;

    /// <param name="quick">Fewer, shorter runs: seconds instead of a minute, noisier figures (for tests and CI).</param>
    public Calibrator(bool quick) => _quick = quick;

    public IReadOnlyList<Measurement> Measurements => _measurements;

    /// <summary>The steps, in order, each with a name for the progress display.</summary>
    public IReadOnlyList<(string Name, Action<CostProfileBuilder> Run)> Steps => new (string, Action<CostProfileBuilder>)[]
    {
        ("memset bandwidth (1 MiB, in cache)", b =>
            b.ZeroingBytesPerSecondInCache = Record("memset 1 MiB", (1 << 20) / RealPatterns.Memset(1 << 20, N(200)), "B/s")),
        ("memset bandwidth (100 MiB)", b =>
            b.ZeroingBytesPerSecondLarge = Record("memset 100 MiB", (100L << 20) / RealPatterns.Memset(100L << 20, N(5)), "B/s")),
        ("page faults on fresh anonymous memory", b =>
        {
            b.PageFaultSeconds = Record("write fault per 4 KiB page", RealPatterns.FirstTouchPerPage(Big, write: true), "s");
            b.ZeroPageFaultSeconds = Record("read (zero page) fault per page", RealPatterns.FirstTouchPerPage(Big, write: false), "s");
        }),
        ("mmap / munmap / madvise", b =>
        {
            b.MapSeconds = Record("mmap 100 MiB", RealPatterns.Map(100L << 20), "s");
            double untouched = Record("munmap 100 MiB, untouched", RealPatterns.Unmap(100L << 20, resident: false), "s");
            double resident = Record("munmap 64 MiB, resident", RealPatterns.Unmap(64L << 20, resident: true), "s");
            b.UnmapSecondsPerResidentPage = CalibrationMath.UnmapPerResidentPage(resident, untouched, 64L << 20);
            b.UnmapSeconds = untouched;
            b.AdviseSeconds = Record("madvise(MADV_DONTNEED) one page", RealPatterns.Madvise(N(2000)), "s");
        }),
        ("glibc malloc/free and calloc/free", b =>
        {
            b.HeapCallSeconds = Record("malloc(64)+free", RealPatterns.MallocFree(64, N(20000)), "s") / 2;
            // 256 KiB: above the tcache, and after the first free raises the threshold, served from the heap's top.
            b.HeapLargeCallSeconds = Record("malloc(256 KiB)+free", RealPatterns.MallocFree(256 << 10, N(20000)), "s") / 2;
            Record("calloc(1 MiB)+free", RealPatterns.CallocFree(1 << 20, N(500)), "s");
            // In a loop, unmapping a mapping with one written page costs more than a lone munmap of an untouched
            // one (page-table teardown, TLB shootdown): glibc's mmap path (map, header write, unmap) gives the
            // unmap share. Measured again in the last step; the faster run counts.
            _mmapPathRound = Record("calloc(100 MiB)+free (mmap path)", RealPatterns.CallocFree(100L << 20, N(1000)), "s");
            _loneUnmap = b.UnmapSeconds;
            b.UnmapSeconds = CalibrationMath.UnmapShare(_mmapPathRound, b.MapSeconds, b.PageFaultSeconds, b.UnmapSecondsPerResidentPage, b.HeapLargeCallSeconds, _loneUnmap);
        }),
        (".NET collections (forced, small heap)", b =>
        {
            b.Gen0CollectionSeconds = Record("GC.Collect(0)", RealPatterns.Collect(0, N(50)), "s");
            b.Gen2CollectionSeconds = Record("GC.Collect(2)", RealPatterns.Collect(2, N(20)), "s");
        }),
        (".NET new byte[1 KiB] and new byte[32 KiB] (gen 0 budget, small allocation costs)", b =>
        {
            var t = FreshProcess.Measure("new", 1024, N(200000));
            Record("new byte[1 KiB]", t.Seconds, "s");
            b.Gen0BudgetBytes = CalibrationMath.BytesPerCollection(1024 + 24, t.Gen0PerIteration, 256L << 20);
            Record("gen 0 budget", b.Gen0BudgetBytes, "B");
            // What the model's other parts of this loop (the clear, the gen 0 share) leave is the allocation itself.
            double clear = (1024 + 24) / b.Build().ZeroingBytesPerSecond(b.Gen0BudgetBytes);
            b.SmallAllocationSeconds = Record("small allocation fixed cost", CalibrationMath.SmallAllocation(t, clear, b.Gen0CollectionSeconds), "s");

            // 32 KiB: above the allocation quantum, so every allocation takes the slow path.
            var big = FreshProcess.Measure("new", 32 << 10, N(50000));
            Record("new byte[32 KiB]", big.Seconds, "s");
            double bigClear = ((32 << 10) + 24) / b.Build().ZeroingBytesPerSecond(b.Gen0BudgetBytes);
            b.SmallSlowPathSeconds = Record("small allocation slow path", CalibrationMath.SmallSlowPath(big, bigClear, b.Gen0CollectionSeconds, b.SmallAllocationSeconds), "s");
        }),
        (".NET new byte[100,000] (large allocation cost) and new byte[1 MiB] (LOH budget)", b =>
        {
            // new byte[100,000]: t = A + clear + g × G; with the memset and the gen 2 share taken out, the rest is
            // the fixed cost A of a large allocation. new byte[1 MiB]: only its collection count is used (LOH bytes
            // per gen 2); its time stays a prediction for the validation.
            var profile = b.Build();
            var small = FreshProcess.Measure("new", 100_000, N(5000));
            Record("new byte[100,000]", small.Seconds, "s");
            b.LargeAllocationSeconds = CalibrationMath.LargeAllocationFixed(
                small with { Seconds = small.Seconds - profile.ZeroingSeconds(100_000 + 24) }, b.Gen2CollectionSeconds);
            Record("large allocation fixed cost", b.LargeAllocationSeconds, "s");
            var budget = FreshProcess.Measure("new", 1 << 20, N(1000));
            Record("new byte[1 MiB]", budget.Seconds, "s");
            b.LohBytesPerGen2 = CalibrationMath.BytesPerCollection((1 << 20) + 24, budget.Gen2PerIteration, 1L << 30);
            Record("LOH bytes per gen 2", b.LohBytesPerGen2, "B");
        }),
        (".NET ArrayPool rent/return", b =>
            b.PoolRentReturnSeconds = Record("ArrayPool rent+return 1 MiB", FreshProcess.Measure("rent", 1 << 20, N(100000)).Seconds, "s")),
        ("glibc mmap path again (a minute later)", b =>
        {
            // The mmap path swings with other processes' activity (TLB shootdowns reach every CPU): a second
            // measurement a minute after the first, keeping the faster, makes one busy spell matter less.
            double again = Record("calloc(100 MiB)+free (mmap path), again", RealPatterns.CallocFree(100L << 20, N(1000)), "s");
            b.UnmapSeconds = CalibrationMath.UnmapShare(Math.Min(_mmapPathRound, again), b.MapSeconds, b.PageFaultSeconds,
                b.UnmapSecondsPerResidentPage, b.HeapLargeCallSeconds, _loneUnmap);
        }),
    };

    /// <summary>Runs every step, reporting progress, and returns the profile.</summary>
    public CostProfile Run(string name, Action<int, string>? progress = null)
    {
        if (!LibC.Available) throw new PlatformNotSupportedException("calibration measures glibc and Linux page faults; run it on Linux");
        var builder = BuiltInProfiles.LinuxReference.ToBuilder();
        builder.Name = name;
        builder.Version = 1;
        builder.CacheResidentBytes = 1L << 20;
        builder.LargeBytes = 100L << 20;
        var steps = Steps;
        for (int i = 0; i < steps.Count; i++)
        {
            progress?.Invoke(i, steps[i].Name);
            steps[i].Run(builder);
        }

        progress?.Invoke(steps.Count, "done");
        builder.Source = "alloc-analyzers calibrate" + (_quick ? " --quick" : string.Empty) + " on " + Environment.MachineName + ", "
            + Environment.ProcessorCount + " CPUs, " + System.Runtime.InteropServices.RuntimeInformation.OSDescription + ", .NET "
            + Environment.Version + ", " + DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return builder.Build();
    }

    private long Big => _quick ? 8L << 20 : 64L << 20;

    private int N(int full) => _quick ? Math.Max(2, full / 50) : full;

    private double Record(string name, double value, string unit)
    {
        _measurements.Add(new Measurement(name, value, unit));
        return value;
    }
}
