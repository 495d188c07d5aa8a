using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Scaling;

/// <summary>
/// The package's cost on one input: the median of a few runs when a run is short, one run when it is
/// long (a long run is dominated by the analysis itself, not by noise).
/// </summary>
internal static class AnalyzerClock
{
    public const int ShortRuns = 3;
    public static readonly TimeSpan LongRun = TimeSpan.FromSeconds(2);

    public static async Task<AnalyzerTime> MeasureAsync(SyntaxTree tree)
    {
        var runs = new List<AnalyzerTime> { await RunOnceAsync(tree) };
        if (runs[0].ExecutionMilliseconds < LongRun.TotalMilliseconds)
        {
            while (runs.Count < ShortRuns) runs.Add(await RunOnceAsync(tree));
        }

        double median = Median.Of(runs.Select(r => r.ExecutionMilliseconds).ToList());
        return runs.First(r => r.ExecutionMilliseconds == median) with { Runs = runs.Count };
    }

    private static async Task<AnalyzerTime> RunOnceAsync(SyntaxTree tree)
    {
        var session = new AnalysisSession(tree);
        var clock = Stopwatch.StartNew();
        var diagnostics = await session.Analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        clock.Stop();
        var byRule = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new AnalyzerTime(await session.PackageExecutionMillisecondsAsync(), clock.Elapsed.TotalMilliseconds, byRule, session.Exceptions(diagnostics), 1);
    }
}

/// <summary>
/// <see cref="ExecutionMilliseconds"/>: the analyzers' callbacks (telemetry), the figure the ratios use.
/// <see cref="WallMilliseconds"/>: GetAnalyzerDiagnosticsAsync on a fresh compilation, which also binds every method body.
/// </summary>
internal sealed record AnalyzerTime(double ExecutionMilliseconds, double WallMilliseconds, IReadOnlyDictionary<string, int> DiagnosticsByRule, IReadOnlyList<string> Exceptions, int Runs);
