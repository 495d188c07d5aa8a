using System.Diagnostics;

namespace AllocAnalyzers.Corpus;

/// <summary>
/// CPU time of this process. On a shared machine a stopwatch also counts the time other processes
/// hold the cores; CPU time counts only the work done here, so ratios of CPU times stay comparable
/// when the load changes during a run.
/// </summary>
internal static class ProcessCpu
{
    public static TimeSpan Now()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Collects the garbage of earlier measurements before the next one starts, so that a background
    /// collection of a large analysis is not charged to the small binding run that follows it.
    /// </summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
