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
        // SelfProcess: started as `dotnet AllocAnalyzers.Bench.dll validate`, the process is the dotnet
        // host, and starting it with the verb alone ran `dotnet validate-child-pinned`, which is no program.
        var start = SelfProcess.StartInfo(quick ? [Verb, "--quick"] : [Verb]);
        start.Environment["MALLOC_MMAP_THRESHOLD_"] = "131072";
        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
        var error = child.StandardError.ReadToEndAsync();
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0 || !double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            throw new InvalidOperationException("the pinned-threshold child failed (exit " + child.ExitCode + "): " + output + error.Result);
        }

        return seconds;
    }

    /// <summary>The child's side: prints seconds per calloc(16 MiB)+free.</summary>
    public static int Run(bool quick)
    {
        double seconds = RealPatterns.CallocFree(16 << 20, quick ? 100 : 2000);
        Console.WriteLine(seconds.ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }
}
