using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Scaling;

/// <summary>
/// The package's cost on one input: the median (by CPU time) of a few runs when a run is short,
/// one run when it is long (a long run is dominated by the analysis itself, not by noise).
/// </summary>
internal static class AnalyzerClock
{
    public const int ShortRuns = 3;
    public static readonly TimeSpan LongRun = TimeSpan.FromSeconds(2);

    public static async Task<AnalyzerTime> MeasureAsync(SyntaxTree tree)
    {
        var runs = new List<AnalyzerTime> { await RunOnceAsync(tree) };
        if (runs[0].CpuMilliseconds < LongRun.TotalMilliseconds)
        {
            while (runs.Count < ShortRuns) runs.Add(await RunOnceAsync(tree));
        }

        double median = Median.Of(runs.Select(r => r.CpuMilliseconds).ToList());
        return runs.First(r => r.CpuMilliseconds == median) with { Runs = runs.Count };
    }

    private static async Task<AnalyzerTime> RunOnceAsync(SyntaxTree tree)
    {
        var session = new AnalysisSession(tree);
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
