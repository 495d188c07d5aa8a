using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// The project Microsoft.CodeAnalysis.Testing builds for a test, for tests that drive analysis
/// themselves (half-typed code, flow views, per-document and typing checks).
/// </summary>
public static class TestWorkspace
{
    public const string FirstDocumentName = "Test0.cs";

    public static Project CreateProject(IReadOnlyList<(string Name, string Source)> documents, TestOptions options) =>
        // Off the test's synchronization context: the library awaits without ConfigureAwait(false).
        Task.Run(() => new AllocTest(MarkedSources.Raw(documents), options, ImmutableArray<DiagnosticAnalyzer>.Empty).CreateTestProjectAsync()).GetAwaiter().GetResult();
}
