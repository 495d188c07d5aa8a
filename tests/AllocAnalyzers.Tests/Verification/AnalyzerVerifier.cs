using System.Collections.Immutable;
using System.Text;
using AllocAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Checks that an analyzer reports exactly the marked spans (rule id and span, nothing more,
/// nothing less) and returns the diagnostics so that a test can look at their messages.
/// </summary>
public static class AnalyzerVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, TestOptions? options = null) =>
        VerifyAsync(markup, options ?? TestOptions.Default, new TAnalyzer());

    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, TestOptions options, DiagnosticAnalyzer analyzer)
    {
        var (documents, expected) = ParseDocuments(markup, options);
        var project = TestWorkspace.CreateProject(documents, options);
        if (!options.AllowCompilerErrors)
        {
            var errors = await AnalyzerRunner.CompilerErrorsAsync(project);
            if (!errors.IsEmpty) throw new Xunit.Sdk.XunitException("The test source does not compile:\n" + string.Join("\n", errors));
        }

        // The package always ships the SettingsAnalyzer with the rules: project-wide setting errors come from it.
        var analyzers = analyzer is SettingsAnalyzer ? ImmutableArray.Create(analyzer) : ImmutableArray.Create(analyzer, new SettingsAnalyzer());
        var actual = await AnalyzerRunner.RunAsync(project, analyzers);
        string defaultId = analyzer.SupportedDiagnostics[0].Id;
        var expectedKeys = expected.Select(e => (e.Document, e.Span.Id ?? defaultId, e.Span.Span)).ToList();
        foreach (var (name, source) in documents)
        {
            var firstToken = CSharpSyntaxTree.ParseText(source).GetRoot().GetFirstToken(includeZeroWidth: true).Span;
            expectedKeys.AddRange(options.ExpectedProjectDiagnostics.Select(id => (name, id, firstToken)));
        }

        Compare(expectedKeys, actual);
        return actual;
    }

    internal static (List<(string Name, string Source)> Documents, List<(string Document, ExpectedSpan Span)> Expected) ParseDocuments(string markup, TestOptions options)
    {
        var documents = new List<(string, string)>();
        var expected = new List<(string, ExpectedSpan)>();
        foreach (var (name, text) in new[] { (TestWorkspace.FirstDocumentName, markup) }.Concat(options.AdditionalDocuments))
        {
            var (source, spans) = TestMarkup.Parse(text);
            documents.Add((name, source));
            expected.AddRange(spans.Select(s => (name, s)));
        }

        return (documents, expected);
    }

    private static void Compare(List<(string Document, string Id, Microsoft.CodeAnalysis.Text.TextSpan Span)> expected, ImmutableArray<Diagnostic> actual)
    {
        var actualKeys = actual.Select(d => (Document: Path.GetFileName(d.Location.SourceTree?.FilePath ?? string.Empty), d.Id, Span: d.Location.IsInSource ? d.Location.SourceSpan : default)).ToList();
        var missing = expected.Except(actualKeys).ToList();
        var unexpected = actualKeys.Except(expected).ToList();
        if (missing.Count == 0 && unexpected.Count == 0 && expected.Count == actualKeys.Count) return;

        var report = new StringBuilder("The diagnostics differ from the markup.\n");
        foreach (var m in missing) report.AppendLine($"  missing:    {m.Id} at {m.Document}{m.Span}");
        foreach (var u in unexpected)
        {
            var diagnostic = actual.First(d => d.Id == u.Id && (d.Location.IsInSource ? d.Location.SourceSpan : default) == u.Span);
            report.AppendLine($"  unexpected: {u.Id} at {u.Document}{u.Span}: {diagnostic.GetMessage()}");
        }

        throw new Xunit.Sdk.XunitException(report.ToString());
    }
}
