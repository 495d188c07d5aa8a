using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Applies a code fix, one diagnostic at a time or through its Fix All provider, and checks the
/// result: the expected text, no new compiler error, and the equivalence key of the action.
/// </summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Checks the markup's diagnostics, then fixes them one by one and compares with <paramref name="expected"/>.</summary>
    public static async Task VerifyFixAsync(string markup, string expected, string equivalenceKey, TestOptions? options = null)
    {
        options ??= TestOptions.Default;
        await AnalyzerVerifier<TAnalyzer>.VerifyAsync(markup, options);
        var project = CreateProject(markup, options);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer());
        var fix = new TCodeFix();
        var baselineErrors = await AnalyzerRunner.CompilerErrorsAsync(project);

        for (int round = 0; round < 64; round++)
        {
            var diagnostics = (await AnalyzerRunner.RunAsync(project, analyzers)).Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToList();
            CodeAction? action = null;
            foreach (var diagnostic in diagnostics)
            {
                action = await FindActionAsync(project, fix, diagnostic, equivalenceKey);
                if (action != null) break;
            }

            if (action == null) break;
            project = await ApplyAsync(project, action);
        }

        await CheckResultAsync(project, expected, baselineErrors);
    }

    /// <summary>Checks that no action with the key is offered for any diagnostic of the markup.</summary>
    public static async Task VerifyNoFixAsync(string markup, string equivalenceKey, TestOptions? options = null)
    {
        options ??= TestOptions.Default;
        var diagnostics = await AnalyzerVerifier<TAnalyzer>.VerifyAsync(markup, options);
        if (diagnostics.IsEmpty) throw new Xunit.Sdk.XunitException("The markup has no diagnostic to try a fix on.");
        var project = CreateProject(markup, options);
        var fix = new TCodeFix();
        foreach (var diagnostic in await AnalyzerRunner.RunAsync(project, ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer())))
        {
            if (!fix.FixableDiagnosticIds.Contains(diagnostic.Id)) continue;
            var action = await FindActionAsync(project, fix, diagnostic, equivalenceKey);
            if (action != null) throw new Xunit.Sdk.XunitException($"A fix '{action.Title}' was offered for {diagnostic.Id} at {diagnostic.Location.SourceSpan}, where none should be.");
        }
    }

    /// <summary>Runs the provider's Fix All in the given scope, triggered from the first diagnostic.</summary>
    public static async Task VerifyFixAllAsync(string markup, string expected, string equivalenceKey, FixAllScope scope, TestOptions? options = null, IReadOnlyList<(string Name, string Expected)>? expectedAdditional = null)
    {
        options ??= TestOptions.Default;
        await AnalyzerVerifier<TAnalyzer>.VerifyAsync(markup, options);
        var project = CreateProject(markup, options);
        var baselineErrors = await AnalyzerRunner.CompilerErrorsAsync(project);
        var fix = new TCodeFix();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer());
        var diagnostics = (await AnalyzerRunner.RunAsync(project, analyzers)).Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToList();
        var first = diagnostics.First();
        var document = project.GetDocument(first.Location.SourceTree)!;
        var provider = fix.GetFixAllProvider() ?? throw new Xunit.Sdk.XunitException("The code fix has no Fix All provider.");
        if (!provider.GetSupportedFixAllScopes().Contains(scope)) throw new Xunit.Sdk.XunitException($"Fix All does not support {scope}.");

        var context = new FixAllContext(document, fix, scope, equivalenceKey, fix.FixableDiagnosticIds, new AnalyzerDiagnosticProvider(analyzers), CancellationToken.None);
        var action = await provider.GetFixAsync(context) ?? throw new Xunit.Sdk.XunitException("Fix All produced no action.");
        project = await ApplyAsync(project, action);
        await CheckResultAsync(project, expected, baselineErrors);
        foreach (var (name, text) in expectedAdditional ?? Array.Empty<(string, string)>())
        {
            var actual = (await project.Documents.Single(d => d.Name == name).GetTextAsync()).ToString();
            AssertText(text, actual, name);
        }
    }

    private static Project CreateProject(string markup, TestOptions options)
    {
        var (documents, _) = AnalyzerVerifier<TAnalyzer>.ParseDocuments(markup, options);
        return TestWorkspace.CreateProject(documents, options);
    }

    private static async Task<CodeAction?> FindActionAsync(Project project, CodeFixProvider fix, Diagnostic diagnostic, string equivalenceKey)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree);
        if (document == null) return null;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fix.RegisterCodeFixesAsync(context);
        return actions.SelectMany(Flatten).FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action)
    {
        yield return action;
        foreach (var nested in action.NestedActions) foreach (var inner in Flatten(nested)) yield return inner;
    }

    private static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().Single();
        return apply.ChangedSolution.GetProject(project.Id)!;
    }

    private static async Task CheckResultAsync(Project project, string expected, ImmutableArray<Diagnostic> baselineErrors)
    {
        var document = project.Documents.Single(d => d.Name == TestWorkspace.FirstDocumentName);
        var actual = (await document.GetTextAsync()).ToString();
        AssertText(expected, actual, document.Name);

        var errors = await AnalyzerRunner.CompilerErrorsAsync(project);
        var baseline = baselineErrors.Select(e => e.Id).ToList();
        var introduced = errors.Where(e => !baseline.Remove(e.Id)).ToList();
        if (introduced.Count > 0) throw new Xunit.Sdk.XunitException("The fixed code has new compiler errors:\n" + string.Join("\n", introduced) + "\n--- fixed code ---\n" + actual);
    }

    private static void AssertText(string expected, string actual, string name)
    {
        string Normalize(string s) => s.Replace("\r\n", "\n");
        if (Normalize(expected) != Normalize(actual))
        {
            throw new Xunit.Sdk.XunitException($"Fixed {name} differs.\n--- expected ---\n{expected}\n--- actual ---\n{actual}");
        }
    }

    /// <summary>Feeds Fix All the analyzer's diagnostics for a document, a project or all projects.</summary>
    private sealed class AnalyzerDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        public AnalyzerDiagnosticProvider(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await AnalyzerRunner.RunAsync(document.Project, _analyzers)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await AnalyzerRunner.RunAsync(project, _analyzers)).Where(d => !d.Location.IsInSource);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await AnalyzerRunner.RunAsync(project, _analyzers);
    }
}
