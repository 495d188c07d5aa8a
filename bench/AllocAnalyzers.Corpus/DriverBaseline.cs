// An in-process measuring aid that no compiler ever loads: the rules for shipped analyzers do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Corpus;

/// <summary>
/// An analyzer that does nothing but ask the driver for what one of the package's analyzers asks
/// for: operations of the same kinds, stackalloc nodes, syntax trees. <see cref="ForPackage"/> mirrors
/// every analyzer's registrations, so that running the set on a fresh compilation costs the binding
/// plus the driver's work of handing those out; the package's own cost is its run minus this one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DriverBaseline(OperationKind[] operations, bool stackallocNodes, bool trees) : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BASE000", "never reported", "never reported", "Baseline", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    /// <summary>One do-nothing analyzer per package analyzer, with its registrations (kept in step with src/Analyzers by hand).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> ForPackage() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new DriverBaseline([OperationKind.ArrayCreation, OperationKind.Invocation, OperationKind.ObjectCreation], false, true), // ALLOC001
        new DriverBaseline([OperationKind.Invocation, OperationKind.Loop], false, true),                                        // ALLOC002
        new DriverBaseline([OperationKind.ArrayCreation, OperationKind.Invocation], false, true),                               // ALLOC003
        new DriverBaseline([OperationKind.ArrayCreation, OperationKind.Invocation], false, true),                               // ALLOC004
        new DriverBaseline([], true, true),                                                                                    // ALLOC005
        new DriverBaseline([OperationKind.Invocation], false, false),                                                          // ALLOC006
        new DriverBaseline([OperationKind.Invocation], false, true),                                                           // ALLOC007
        new DriverBaseline([], false, true));                                                                                  // settings (ALLOC900)

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (operations.Length > 0) start.RegisterOperationAction(_ => { }, operations);
            if (stackallocNodes) start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.StackAllocArrayCreationExpression);
            if (trees) start.RegisterSyntaxTreeAction(_ => { });
        });
    }
}
