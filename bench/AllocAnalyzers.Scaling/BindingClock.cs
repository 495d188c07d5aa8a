using System.Diagnostics;
using AllocAnalyzers.Corpus;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Scaling;

/// <summary>The compiler's own cost: GetDiagnostics() of a fresh compilation binds every method body.</summary>
internal static class BindingClock
{
    public const int MinRuns = 3;
    private const int MaxRuns = 30;

    /// <summary>
    /// Process CPU time is counted in scheduler ticks (10 ms on Linux), coarse next to binding a small
    /// file: runs repeat until their total is many ticks long, and the CPU figure is their mean.
    /// </summary>
    public static readonly TimeSpan MinTotalCpu = TimeSpan.FromMilliseconds(500);

    public static BindingTime Measure(SyntaxTree tree)
    {
        var wall = new List<double>();
        var totalCpu = TimeSpan.Zero;
        IReadOnlyList<Diagnostic> errors = Array.Empty<Diagnostic>();
        while (wall.Count < MinRuns || (totalCpu < MinTotalCpu && wall.Count < MaxRuns))
        {
            var compilation = ScalingCompilation.Fresh(tree);
            ProcessCpu.Settle();
            var cpuBefore = ProcessCpu.Now();
            var clock = Stopwatch.StartNew();
            errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            totalCpu += ProcessCpu.Now() - cpuBefore;
        }

        return new BindingTime(totalCpu.TotalMilliseconds / wall.Count, wall.Average(), wall.Count, errors.Count, errors.FirstOrDefault()?.ToString());
    }
}

/// <summary>Means over <see cref="Runs"/> runs.</summary>
internal sealed record BindingTime(double CpuMilliseconds, double WallMilliseconds, int Runs, int Errors, string? FirstError);
