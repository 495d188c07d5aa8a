using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Analysis;

/// <summary>
/// A compilation of one source against the running framework, analysed the ways hosts do: the
/// whole compilation at once (a build), one document's semantic model with or without a span (the
/// open-file path of VS, Rider and VS Code). Independent of the verifier, so that these tests look
/// at exactly what a host would get. Any analyzer exception fails the test.
/// </summary>
internal sealed class StandaloneCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly List<string> _exceptions = new();

    public StandaloneCompilation(string source, params DiagnosticAnalyzer[] analyzers)
    {
        Tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "Test.cs");
        Compilation = CSharpCompilation.Create("Test", new[] { Tree }, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        _analyzers = analyzers.ToImmutableArray();
    }

    public SyntaxTree Tree { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>What a build reports.</summary>
    public async Task<ImmutableArray<Diagnostic>> WholeAsync() => Checked(await With().GetAnalyzerDiagnosticsAsync());

    /// <summary>What an editor reports for the document, or for a span of it.</summary>
    public async Task<ImmutableArray<Diagnostic>> DocumentAsync(Microsoft.CodeAnalysis.Text.TextSpan? span = null)
    {
        var with = With();
        var model = Compilation.GetSemanticModel(Tree);
        var semantic = await with.GetAnalyzerSemanticDiagnosticsAsync(model, span, CancellationToken.None);
        var syntax = await with.GetAnalyzerSyntaxDiagnosticsAsync(Tree, CancellationToken.None);
        return Checked(semantic.AddRange(syntax.Where(d => span == null || d.Location.SourceSpan.IntersectsWith(span.Value))));
    }

    private CompilationWithAnalyzers With() => Compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (exception, analyzer, _) => _exceptions.Add(analyzer.GetType().Name + ": " + exception),
        concurrentAnalysis: false, logAnalyzerExecutionTime: false));

    private ImmutableArray<Diagnostic> Checked(ImmutableArray<Diagnostic> diagnostics)
    {
        Assert.Empty(_exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id.StartsWith("ALLOC", StringComparison.Ordinal)).ToImmutableArray();
    }
}
