using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Code-fix checks through Microsoft.CodeAnalysis.Testing: the markup's diagnostics, the fixed text,
/// no compiler error and no diagnostic of the fixed rule left in the fixed code, each action
/// chosen by its equivalence key. Per-document parity is checked on the input.
/// </summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Checks the markup's diagnostics, then fixes them one by one and compares with <paramref name="expected"/>.</summary>
    public static Task VerifyFixAsync(string markup, string expected, string equivalenceKey, TestOptions? options = null)
    {
        options ??= TestOptions.Default;
        var test = Create(markup, options, equivalenceKey, out var sources);
        AddFixedSources(test.FixedState, sources, new[] { (TestWorkspace.FirstDocumentName, expected) });

        // One by one, as a user applies the light bulb; Fix All has its own tests below.
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        return RunAsync(test);
    }

    /// <summary>Checks that no action with the key is offered for any diagnostic of the markup.</summary>
    public static Task VerifyNoFixAsync(string markup, string equivalenceKey, TestOptions? options = null)
    {
        options ??= TestOptions.Default;
        var test = Create(markup, options, equivalenceKey, out var sources);
        if (sources.Expected.IsEmpty) throw new Xunit.Sdk.XunitException("The markup has no diagnostic to try a fix on.");

        // The fixed state is the input itself: any action with the key would change it.
        AddFixedSources(test.FixedState, sources, Array.Empty<(string, string)>());
        test.NumberOfIncrementalIterations = 0;
        test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        return RunAsync(test);
    }

    /// <summary>
    /// Runs the provider's Fix All in the given scope and compares every document with its expected
    /// text (<paramref name="expected"/> for the first, <paramref name="expectedAdditional"/> for
    /// others; a document not listed must stay as it was). Fixing one by one must give the same text.
    /// </summary>
    public static Task VerifyFixAllAsync(string markup, string expected, string equivalenceKey, FixAllScope scope, TestOptions? options = null, IReadOnlyList<(string Name, string Expected)>? expectedAdditional = null)
    {
        options ??= TestOptions.Default;
        var test = Create(markup, options, equivalenceKey, out var sources);
        var fixedTexts = new[] { (TestWorkspace.FirstDocumentName, expected) }.Concat(expectedAdditional ?? Array.Empty<(string, string)>()).ToList();
        AddFixedSources(test.FixedState, sources, fixedTexts);
        AddFixedSources(test.BatchFixedState, sources, fixedTexts);
        test.CodeFixTestBehaviors |= scope switch
        {
            FixAllScope.Document => CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            FixAllScope.Project => CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            FixAllScope.Solution => CodeFixTestBehaviors.SkipFixAllInDocumentCheck | CodeFixTestBehaviors.SkipFixAllInProjectCheck,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Fix All is checked in a document, a project or the solution."),
        };
        return RunAsync(test);
    }

    private static AllocTest Create(string markup, TestOptions options, string equivalenceKey, out MarkedSources sources)
    {
        var analyzer = new TAnalyzer();
        CodeFixProvider fix = new TCodeFix();
        if (KnownGaps.CrlfInLfDocuments.Contains(equivalenceKey)) fix = new LineEndingTolerantFix(fix);
        sources = MarkedSources.Parse(markup, options, analyzer.SupportedDiagnostics[0].Id);
        return new AllocTest(sources, options, ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), fix) { CodeActionEquivalenceKey = equivalenceKey };
    }

    /// <summary>A fixed state: every document, with its expected text where given, else unchanged.</summary>
    private static void AddFixedSources(SolutionState state, MarkedSources sources, IReadOnlyList<(string Name, string Text)> fixedTexts)
    {
        state.MarkupHandling = MarkupMode.None;
        foreach (var (path, source) in sources.Documents)
        {
            var given = fixedTexts.Where(f => MarkedSources.PathOf(f.Name) == path).Select(f => f.Text).ToList();
            state.Sources.Add((path, given.Count > 0 ? given[0] : source));
        }
    }

    private static async Task RunAsync(AllocTest test) =>
        await (await test.RunAndKeepTestStateAsync()).DiagnosticsWithParityAsync();
}
