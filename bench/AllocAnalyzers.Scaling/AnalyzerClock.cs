using System.Diagnostics;
using AllocAnalyzers.Corpus;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Scaling;

/// <summary>
/// The package's cost on one input. A long run (over <see cref="LongRun"/> of CPU) is measured once:
/// the analysis itself dominates it. Shorter inputs run <see cref="ShortRuns"/> times, and tiny ones
/// until their total CPU is many scheduler ticks long (<see cref="BindingClock.MinTotalCpu"/>); the CPU
/// and stopwatch figures are then means.
/// </summary>
internal static class AnalyzerClock
{
    public const int ShortRuns = 3;
    private const int MaxRuns = 30;
    public static readonly TimeSpan LongRun = TimeSpan.FromSeconds(2);

    public static async Task<AnalyzerTime> MeasureAsync(SyntaxTree tree)
    {
        var runs = new List<AnalyzerTime> { await RunOnceAsync(tree) };
        while (runs.Count < MaxRuns && NeedsAnotherRun(runs)) runs.Add(await RunOnceAsync(tree));
        return runs[^1] with
        {
            CpuMilliseconds = runs.Average(r => r.CpuMilliseconds),
            WallMilliseconds = runs.Average(r => r.WallMilliseconds),
            TelemetryMilliseconds = runs.Average(r => r.TelemetryMilliseconds),
            Exceptions = runs.SelectMany(r => r.Exceptions).Distinct().ToList(),
            Runs = runs.Count,
        };
    }

    private static bool NeedsAnotherRun(List<AnalyzerTime> runs)
    {
        double total = runs.Sum(r => r.CpuMilliseconds);
        if (runs[0].CpuMilliseconds >= LongRun.TotalMilliseconds) return false;
        return runs.Count < ShortRuns || total < BindingClock.MinTotalCpu.TotalMilliseconds;
    }

    private static async Task<AnalyzerTime> RunOnceAsync(SyntaxTree tree)
    {
        var session = new AnalysisSession(tree);
        ProcessCpu.Settle();
        var cpuBefore = ProcessCpu.Now();
        var clock = Stopwatch.StartNew();
        var diagnostics = await session.Analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        clock.Stop();
        double cpu = (ProcessCpu.Now() - cpuBefore).TotalMilliseconds;
        var byRule = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new AnalyzerTime(cpu, clock.Elapsed.TotalMilliseconds, await session.PackageExecutionMillisecondsAsync(), byRule, session.Exceptions(diagnostics), 1);
    }
}

/// <summary>
/// One run of GetAnalyzerDiagnosticsAsync on a fresh compilation, which binds every method body
/// again before the analyzers see it: <see cref="CpuMilliseconds"/> and <see cref="WallMilliseconds"/>
/// cover that binding too; <see cref="TelemetryMilliseconds"/> is the sum of the package analyzers'
/// callback times as the driver logged them (a stopwatch: it grows with the machine's load).
/// </summary>
internal sealed record AnalyzerTime(double CpuMilliseconds, double WallMilliseconds, double TelemetryMilliseconds, IReadOnlyDictionary<string, int> DiagnosticsByRule, IReadOnlyList<string> Exceptions, int Runs);
