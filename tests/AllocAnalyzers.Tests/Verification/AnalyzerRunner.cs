using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Runs analyzers over a compilation the way the compiler does (whole compilation) and the way
/// an editor does (each document on its own: syntax, then semantic diagnostics of the open file,
/// the path of Visual Studio and Rider), requires both to agree (<see cref="PerDocumentParity"/>),
/// and fails on any analyzer exception (AD0001): an exception escaping an analyzer is a bug,
/// whatever the input.
/// </summary>
public static class AnalyzerRunner
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        await RunAsync((await project.GetCompilationAsync())!, project.AnalyzerOptions, analyzers);

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var whole = await WholeCompilationAsync(compilation, options, analyzers);
        var perDocument = await PerDocumentAsync(compilation, options, analyzers);
        PerDocumentParity.Check(whole, perDocument, compilation);
        return whole;
    }

    /// <summary>What a build reports: every analyzer diagnostic of the compilation.</summary>
    public static async Task<ImmutableArray<Diagnostic>> WholeCompilationAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var (withAnalyzers, exceptions) = Create(compilation, options, analyzers);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        ThrowOnException(exceptions, diagnostics);
        return Sort(diagnostics);
    }

    /// <summary>What an editor shows for each open document, analysed on its own.</summary>
    public static Task<ImmutableArray<Diagnostic>> PerDocumentAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        OpenDocumentsAsync(compilation, options, analyzers, compilation.SyntaxTrees);

    /// <summary>What an editor shows for the given open documents, each analysed on its own.</summary>
    public static async Task<ImmutableArray<Diagnostic>> OpenDocumentsAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, IEnumerable<SyntaxTree> openDocuments)
    {
        var (withAnalyzers, exceptions) = Create(compilation, options, analyzers);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var tree in openDocuments)
        {
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None));
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None));
        }

        ThrowOnException(exceptions, diagnostics);
        return Sort(diagnostics);
    }

    public static async Task<ImmutableArray<Diagnostic>> CompilerErrorsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    private static (CompilationWithAnalyzers, ConcurrentQueue<string>) Create(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        return (withAnalyzers, exceptions);
    }

    private static void ThrowOnException(ConcurrentQueue<string> exceptions, IEnumerable<Diagnostic> diagnostics)
    {
        if (!exceptions.IsEmpty) throw new Xunit.Sdk.XunitException("Analyzer exception (AD0001): " + exceptions.First());
        var crash = diagnostics.FirstOrDefault(d => d.Id == "AD0001");
        if (crash != null) throw new Xunit.Sdk.XunitException("Analyzer exception (AD0001): " + crash.GetMessage());
    }

    internal static ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
}
