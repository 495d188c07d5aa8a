using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Scaling;

/// <summary>
/// The package's analyzers over a fresh compilation of one generated file, run the way the
/// corpus run does: one thread, execution time logged per analyzer, exceptions collected.
/// </summary>
internal sealed class AnalysisSession
{
    private readonly ConcurrentBag<string> _exceptions = new();

    public AnalysisSession(SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> extraAnalyzers = default)
    {
        var analyzers = extraAnalyzers.IsDefault ? PackageAnalyzers.All : PackageAnalyzers.All.AddRange(extraAnalyzers);
        Analysis = ScalingCompilation.Fresh(tree).WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => _exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true));
    }

    public CompilationWithAnalyzers Analysis { get; }

    /// <summary>Exceptions from the callback and reported as AD0001: either is a bug in an analyzer.</summary>
    public IReadOnlyList<string> Exceptions(ImmutableArray<Diagnostic> diagnostics) =>
        _exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage())).Distinct().ToList();

    /// <summary>The sum of the package analyzers' own callback time, as the driver's telemetry logged it.</summary>
    public async Task<double> PackageExecutionMillisecondsAsync()
    {
        double total = 0;
        foreach (var analyzer in PackageAnalyzers.All)
            total += (await Analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        return total;
    }
}
