using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Scaling;

/// <summary>
/// How long analysis keeps running after its token is cancelled. The token is cancelled once the
/// driver has reached the method body (<see cref="MethodBodyReached"/>) and a fraction of a full
/// analysis of the same input has elapsed, so that the package is demonstrably mid-analysis. On a
/// shared machine a full analysis may run faster than the one measured; then the attempt is
/// repeated with a smaller fraction.
/// </summary>
internal static class CancellationLatency
{
    private static readonly double[] CancelAtFractions = { 0.5, 0.25, 0.1 };

    public static async Task<CancellationResult> MeasureAsync(SyntaxTree tree, double fullWallMilliseconds)
    {
        CancellationResult? result = null;
        foreach (double fraction in CancelAtFractions)
        {
            result = await AttemptAsync(tree, fullWallMilliseconds * fraction);
            if (!result.FinishedBeforeCancel) break;
        }

        return result!;
    }

    private static async Task<CancellationResult> AttemptAsync(SyntaxTree tree, double cancelAfterMilliseconds)
    {
        var probe = new MethodBodyReached();
        var session = new AnalysisSession(tree, ImmutableArray.Create<DiagnosticAnalyzer>(probe));
        using var source = new CancellationTokenSource();
        var sinceStart = Stopwatch.StartNew();
        var analysis = session.Analysis.GetAnalyzerDiagnosticsAsync(source.Token);
        await Task.WhenAny(probe.Reached, analysis);
        var remaining = TimeSpan.FromMilliseconds(cancelAfterMilliseconds) - sinceStart.Elapsed;
        if (remaining > TimeSpan.Zero) await Task.WhenAny(analysis, Task.Delay(remaining));

        bool finishedBeforeCancel = analysis.IsCompleted;
        double cancelledAt = sinceStart.Elapsed.TotalMilliseconds;
        var afterCancel = Stopwatch.StartNew();
        source.Cancel();
        try
        {
            await analysis;
        }
        catch (OperationCanceledException)
        {
            // The outcome we want: the analysis gave up.
        }

        afterCancel.Stop();
        return new CancellationResult(cancelledAt, afterCancel.Elapsed.TotalMilliseconds, analysis.IsCanceled, finishedBeforeCancel, probe.Reached.IsCompleted);
    }
}

/// <param name="CancelledAtMilliseconds">Time from starting the analysis to Cancel().</param>
/// <param name="StopMilliseconds">Time from Cancel() to the analysis task finishing, the figure the bar is about.</param>
internal sealed record CancellationResult(double CancelledAtMilliseconds, double StopMilliseconds, bool EndedCancelled, bool FinishedBeforeCancel, bool MethodBodyReached);
