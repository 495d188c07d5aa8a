using System.Diagnostics;

namespace AllocAnalyzers.Scaling;

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
}
