using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Scaling;

/// <summary>
/// A probe added to the cancellation run only: completes <see cref="Reached"/> when the driver hands
/// the first method body to analyzers, the evidence that analysis (not just binding) has started.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class MethodBodyReached : DiagnosticAnalyzer
{
    // The driver skips an analyzer whose every diagnostic is disabled, so the probe declares one (never reported).
    private static readonly DiagnosticDescriptor Unused = new("SCALE001", "Probe", "Probe", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockStartAction(_ => _reached.TrySetResult());
    }
}
