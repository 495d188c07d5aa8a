using System.Collections.Immutable;
using AllocAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Checks that an analyzer reports exactly the marked spans (rule id and span, nothing more,
/// nothing less; compiler errors count unless allowed) through Microsoft.CodeAnalysis.Testing,
/// checks per-document parity on the same input, and returns the diagnostics so that a test can
/// look at their messages.
/// </summary>
public static class AnalyzerVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, TestOptions? options = null) =>
        VerifyAsync(markup, options ?? TestOptions.Default, new TAnalyzer());

    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, TestOptions options, DiagnosticAnalyzer analyzer)
    {
        // The package always ships the SettingsAnalyzer with the rules: project-wide setting errors come from it.
        var analyzers = analyzer is SettingsAnalyzer ? ImmutableArray.Create(analyzer) : ImmutableArray.Create(analyzer, new SettingsAnalyzer());
        var sources = MarkedSources.Parse(markup, options, analyzer.SupportedDiagnostics[0].Id);
        var testState = await new AllocTest(sources, options, analyzers).RunAndKeepTestStateAsync();
        return await testState.DiagnosticsWithParityAsync();
    }
}
