using System.Globalization;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Simulation;
using AllocAnalyzers.Runtime.Model.Trace;
using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Bench.Validation;

/// <summary>
/// The validation benchmark: calibrates a profile on this machine, then runs real Linux (glibc) and .NET
/// loops and prints the model's prediction under that profile next to the measured time, with the ratio.
/// Target: every ratio within 1/1.5 … 1.5. Run: dotnet run -c Release --project bench/AllocAnalyzers.Bench -- validate
/// </summary>
internal static class ValidationRun
{
    private const double Target = 1.5;

    public static int Run(bool quick)
    {
        if (!LibC.Available)
        {
            Console.Error.WriteLine("validate runs glibc and Linux page-fault loops; run it on Linux.");
            return 4;
        }

        Console.WriteLine("Calibrating (" + (quick ? "quick" : "full") + ")...");
        var calibrator = new Calibrator(quick);
        var profile = calibrator.Run("validation-run", (i, step) => Console.WriteLine("  [" + (i + 1) + "] " + step));
        int n = quick ? 20 : 1;

        var patterns = new List<ValidationPattern>
        {
            new("glibc calloc(64 KiB)+free", "calloc 64KiB; free", () => RealPatterns.CallocFree(64 << 10, 20000 / n)),
            new("glibc calloc(1 MiB)+free", "calloc 1MiB; free", () => RealPatterns.CallocFree(1 << 20, 2000 / n)),
            new("glibc calloc(16 MiB)+free", "calloc 16MiB; free", () => RealPatterns.CallocFree(16 << 20, 200 / n)),
            new("glibc calloc(31 MiB)+free", "calloc 31MiB; free", () => RealPatterns.CallocFree(31 << 20, 100 / n)),
            new("glibc calloc(33 MiB)+free", "calloc 33MiB; free", () => RealPatterns.CallocFree(33 << 20, 2000 / n)),
            new("glibc calloc(100 MiB)+free", "calloc 100MiB; free", () => RealPatterns.CallocFree(100 << 20, 2000 / n), Fitted: true),
            new("glibc malloc(1 MiB)+free", "malloc 1MiB; free", () => RealPatterns.MallocFree(1 << 20, 20000 / n)),
            new("seed: " + (10000 / n).ToString("N0", CultureInfo.InvariantCulture) + " x calloc(100 MiB)/free (whole loop)", "calloc 100MiB; free x " + (10000 / n),
                () => RealPatterns.CallocFreeLoopTotal(100 << 20, 10000 / n), WholeLoop: true),
            // Each .NET loop runs in a fresh process: the GC's budgets follow the process's history.
            new(".NET new byte[1 MiB]", "new 1MiB", () => FreshProcess.Measure("new", 1 << 20, 1000 / n).Seconds),
            new(".NET new byte[100,000]", "new 100000", () => FreshProcess.Measure("new", 100_000, 5000 / n).Seconds, Fitted: true),
            new(".NET new byte[16 MiB]", "new 16MiB", () => FreshProcess.Measure("new", 16 << 20, 200 / n).Seconds),
            new(".NET hoisted byte[1 MiB] + Array.Clear", "clear 1MiB", () => FreshProcess.Measure("clear", 1 << 20, 2000 / n).Seconds, Fitted: true),
            new(".NET GC.AllocateUninitializedArray 1 MiB", "uninit 1MiB", () => FreshProcess.Measure("uninit", 1 << 20, 1000 / n).Seconds),
            new(".NET GC.AllocateUninitializedArray 16 MiB", "uninit 16MiB", () => FreshProcess.Measure("uninit", 16 << 20, 200 / n).Seconds),
            new(".NET ArrayPool rent+return 1 MiB", "rent 1MiB; return", () => FreshProcess.Measure("rent", 1 << 20, 100000 / n).Seconds, Fitted: true),
            new(".NET new byte[16 KiB]", "new 16KiB", () => FreshProcess.Measure("new", 16 << 10, 50000 / n).Seconds),
            // A fresh process: the threshold must be fixed before glibc's heap has grown (MALLOC_MMAP_THRESHOLD_).
            new("glibc calloc(16 MiB)+free, MALLOC_MMAP_THRESHOLD_=131072", "calloc 16MiB; free",
                () => PinnedThresholdChild.Measure(quick), MmapThreshold: 128 * 1024),
        };

        var rows = new List<(string Name, double Predicted, double Measured, bool Fitted)>();
        foreach (var p in patterns)
        {
            Console.WriteLine("  measuring " + p.Name);
            double measured = p.Measure();
            rows.Add((p.Name, Predict(p, profile), measured, p.Fitted));
        }

        Console.WriteLine();
        Console.WriteLine("Profile: " + profile.Name + " (" + profile.Source + ")");
        foreach (var m in calibrator.Measurements) Console.WriteLine("  " + m.Name + ": " + m.Value.ToString("G4", CultureInfo.InvariantCulture) + " " + m.Unit);
        Console.WriteLine();
        Console.WriteLine("| pattern | model | measured | model / measured | |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        int misses = 0;
        foreach (var r in rows)
        {
            double ratio = r.Predicted / r.Measured;
            bool ok = ratio <= Target && ratio >= 1 / Target;
            if (!ok) misses++;
            Console.WriteLine("| " + r.Name + " | " + CostFormat.Duration(r.Predicted) + " | " + CostFormat.Duration(r.Measured) + " | "
                + ratio.ToString("0.00", CultureInfo.InvariantCulture) + (ok ? "" : " (outside 1.5x)") + " | " + (r.Fitted ? "fitted" : "check") + " |");
        }

        Console.WriteLine();
        Console.WriteLine(misses == 0 ? "All patterns within a factor of 1.5." : misses + " pattern(s) outside a factor of 1.5.");
        Console.WriteLine("Load average at the end: " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown"));
        return 0;
    }

    /// <summary>The model's steady-state time per iteration (or for the whole loop).</summary>
    private static double Predict(ValidationPattern p, CostProfile profile)
    {
        var options = new SimulationOptions { GlibcMmapThreshold = p.MmapThreshold };
        var ops = TraceParser.Parse(p.Trace);
        if (p.WholeLoop) return Simulator.Run(ops, TargetPlatform.Linux, profile, options).Seconds;
        const long Short = 1 << 16, Long = 1 << 17;
        double a = Simulator.Run(new[] { TraceOp.Repeat(ops, Short) }, TargetPlatform.Linux, profile, options).Seconds;
        double b = Simulator.Run(new[] { TraceOp.Repeat(ops, Long) }, TargetPlatform.Linux, profile, options).Seconds;
        return (b - a) / (Long - Short);
    }
}
