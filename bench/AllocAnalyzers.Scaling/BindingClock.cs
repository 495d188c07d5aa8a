using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Scaling;

/// <summary>The compiler's own cost: GetDiagnostics() of a fresh compilation binds every method body.</summary>
internal static class BindingClock
{
    public const int Runs = 3;

    public static BindingTime Measure(SyntaxTree tree)
    {
        var cpu = new List<double>();
        var wall = new List<double>();
        IReadOnlyList<Diagnostic> errors = Array.Empty<Diagnostic>();
        for (int run = 0; run < Runs; run++)
        {
            var compilation = ScalingCompilation.Fresh(tree);
            var cpuBefore = ProcessCpu.Now();
            var clock = Stopwatch.StartNew();
            errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add((ProcessCpu.Now() - cpuBefore).TotalMilliseconds);
        }

        return new BindingTime(Median.Of(cpu), Median.Of(wall), errors.Count, errors.FirstOrDefault()?.ToString());
    }
}

internal sealed record BindingTime(double CpuMilliseconds, double WallMilliseconds, int Errors, string? FirstError);
