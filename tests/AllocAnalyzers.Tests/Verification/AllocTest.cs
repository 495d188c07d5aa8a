using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Testing.Model;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// One Microsoft.CodeAnalysis.Testing run set up from <see cref="TestOptions"/>: the project
/// (sources under /src/, .editorconfig/.globalconfig, AdditionalFiles, .NET 10 references,
/// language version, unsafe, nullable), the analyzers and the fix under test. It adds what our
/// tests need on top of the library: analyzer exceptions fail the test with their stack
/// (AD0001 is a bug, whatever the input), and the compilation of the test state is kept so
/// that the facade can return its diagnostics and check per-document parity.
/// </summary>
internal sealed class AllocTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<CodeFixProvider> _fixes;
    private readonly TestOptions _options;
    private readonly ConcurrentQueue<string> _exceptions = new();
    private AnalysedTestState? _testState;

    public AllocTest(MarkedSources sources, TestOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider? fix = null)
    {
        _analyzers = analyzers;
        _fixes = fix == null ? ImmutableArray<CodeFixProvider>.Empty : ImmutableArray.Create(fix);
        _options = options;

        // The markup was read by MarkedSources; the sources are plain code from here on.
        TestState.MarkupHandling = MarkupMode.None;
        TestState.OutputKind = options.OutputKind;
        foreach (var document in sources.Documents) TestState.Sources.Add(document);
        TestState.ExpectedDiagnostics.AddRange(sources.Expected);
        foreach (var (name, text) in options.AdditionalTexts) TestState.AdditionalFiles.Add((MarkedSources.PathOf(name), text));
        if (options.EditorConfig != null) TestState.AnalyzerConfigFiles.Add((MarkedSources.PathOf(".editorconfig"), options.EditorConfig));
        if (options.GlobalConfig != null) TestState.AnalyzerConfigFiles.Add((MarkedSources.PathOf(".globalconfig"), "is_global = true\n" + options.GlobalConfig));

        if (options.References is { } references)
        {
            // A replaced reference set (netstandard-like): no .NET 10 pack at all.
            ReferenceAssemblies = new ReferenceAssemblies("netstandard2.0");
            TestState.AdditionalReferences.AddRange(references);
        }
        else
        {
            ReferenceAssemblies = NetReferenceAssemblies.Net100;
            TestState.AdditionalReferences.AddRange(NetReferenceAssemblies.References);
        }

        // Compiler warnings were never part of the expectations; errors are unless the input is half-typed.
        CompilerDiagnostics = options.AllowCompilerErrors ? CompilerDiagnostics.None : CompilerDiagnostics.Errors;
    }

    protected override string DefaultFilePathPrefix => MarkedSources.Directory + "Test";

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _analyzers;

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => _fixes;

    protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(_options.LanguageVersion, preprocessorSymbols: _options.PreprocessorSymbols);

    protected override CompilationOptions CreateCompilationOptions() =>
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: _options.AllowUnsafe, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>
    /// The library forces every supported rule on in the compilation options, which outranks an
    /// .editorconfig severity; a user's build does not, so the project keeps its own options and
    /// the rules run with their defaults and the test's configuration.
    /// </summary>
    protected override Project ApplyCompilationOptions(Project project) => project;

    protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) => _exceptions.Enqueue($"{analyzer.GetType().Name} threw: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true));

        // The first compilation the library analyses is the test state's.
        lock (_exceptions) _testState ??= new AnalysedTestState(compilation, options, withAnalyzers);
        return withAnalyzers;
    }

    /// <summary>Runs the library's checks; an analyzer exception fails first, with its stack trace.</summary>
    public async Task<AnalysedTestState> RunAndKeepTestStateAsync()
    {
        try
        {
            await RunAsync();
        }
        finally
        {
            if (!_exceptions.IsEmpty) throw new Xunit.Sdk.XunitException("Analyzer exception (AD0001): " + _exceptions.First());
        }

        return _testState ?? throw new InvalidOperationException("the library analysed no compilation");
    }

    /// <summary>The project the library builds for the test state, for tests that drive analysis themselves.</summary>
    public Task<Project> CreateTestProjectAsync()
    {
        var state = TestState.WithInheritedValuesApplied(null, ImmutableArray<string>.Empty);
        return CreateProjectAsync(new EvaluatedProjectState(state, ReferenceAssemblies), ImmutableArray<EvaluatedProjectState>.Empty, CancellationToken.None);
    }
}

/// <summary>
/// The test state's compilation as the library analysed it: its analysis is done, so asking the
/// same <see cref="CompilationWithAnalyzers"/> for the whole-compilation diagnostics costs nothing.
/// </summary>
internal sealed record AnalysedTestState(Compilation Compilation, AnalyzerOptions Options, CompilationWithAnalyzers Analysed)
{
    /// <summary>The build's diagnostics (unsuppressed), checked against per-document analysis of the same input.</summary>
    public async Task<ImmutableArray<Diagnostic>> DiagnosticsWithParityAsync()
    {
        var whole = AnalyzerRunner.Sort((await Analysed.GetAnalyzerDiagnosticsAsync()).Where(d => !d.IsSuppressed));
        var perDocument = await AnalyzerRunner.PerDocumentAsync(Compilation, Options, Analysed.Analyzers);
        PerDocumentParity.Check(whole, perDocument, Compilation);
        return whole;
    }
}
