using System.Diagnostics;
using System.Globalization;
using AllocAnalyzers.Tool.Calibration;

namespace AllocAnalyzers.Bench.Validation;

/// <summary>
/// glibc's threshold freezes when set, and its effect depends on the heap's history, so the pinned-threshold
/// pattern runs in a child process started with MALLOC_MMAP_THRESHOLD_=131072, as a user would set it.
/// </summary>
internal static class PinnedThresholdChild
{
    public const string Verb = "validate-child-pinned";

    public static double Measure(bool quick)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, Verb + (quick ? " --quick" : string.Empty))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["MALLOC_MMAP_THRESHOLD_"] = "131072";
        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The child's side: prints seconds per calloc(16 MiB)+free.</summary>
    public static int Run(bool quick)
    {
        double seconds = RealPatterns.CallocFree(16 << 20, quick ? 100 : 2000);
        Console.WriteLine(seconds.ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }
}
