using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// The test's documents with their markup read by the library's parser: <c>{|ALLOC001:new byte[1 &lt;&lt; 20]|}</c>
/// marks a span with a rule id and <c>[|...|]</c> a span of the rule under test. Expectations compare
/// rule id and span only, as the tests were written: the severity may be changed by an .editorconfig,
/// additional locations are the analyzer's business (ALLOC006 points at its clear), and messages are
/// checked by the tests that care about them.
/// </summary>
public sealed class MarkedSources
{
    public const string Directory = "/src/";

    private MarkedSources(ImmutableArray<(string Path, string Source)> documents, ImmutableArray<DiagnosticResult> expected)
    {
        Documents = documents;
        Expected = expected;
    }

    /// <summary>Each document as (path, source without markup); the first is <see cref="TestWorkspace.FirstDocumentName"/>.</summary>
    public ImmutableArray<(string Path, string Source)> Documents { get; }

    public ImmutableArray<DiagnosticResult> Expected { get; }

    public static string PathOf(string name) => Directory + name;

    public static MarkedSources Parse(string markup, TestOptions options, string defaultRuleId)
    {
        var documents = ImmutableArray.CreateBuilder<(string, string)>();
        var expected = ImmutableArray.CreateBuilder<DiagnosticResult>();
        foreach (var (name, text) in AllDocuments(markup, options))
        {
            // '$$' is code here (interpolated raw strings), not the library's caret marker.
            TestFileMarkupParser.GetSpans(text, treatPositionIndicatorsAsCode: true, out string source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
            string path = PathOf(name);
            var lines = SourceText.From(source).Lines;
            documents.Add((path, source));
            // A setting error (ALLOC900) sits on the first token of every document it affects.
            var firstToken = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source).GetRoot().GetFirstToken(includeZeroWidth: true).Span;
            foreach (var id in options.ExpectedProjectDiagnostics)
            {
                expected.Add(Result(id).WithSpan(new FileLinePositionSpan(path, lines.GetLinePositionSpan(firstToken))));
            }

            foreach (var (key, marked) in spans)
            {
                string id = key.Length == 0 ? defaultRuleId : key;
                foreach (var span in marked.OrderBy(s => s.Start))
                {
                    expected.Add(Result(id).WithSpan(new FileLinePositionSpan(path, lines.GetLinePositionSpan(span))));
                }
            }
        }

        return new MarkedSources(documents.ToImmutable(), expected.ToImmutable());
    }

    /// <summary>The documents of a test without markup (raw sources for robustness tests).</summary>
    public static MarkedSources Raw(IReadOnlyList<(string Name, string Source)> documents) =>
        new(documents.Select(d => (PathOf(d.Name), d.Source)).ToImmutableArray(), ImmutableArray<DiagnosticResult>.Empty);

    private static IEnumerable<(string Name, string Text)> AllDocuments(string markup, TestOptions options) =>
        new[] { (TestWorkspace.FirstDocumentName, markup) }.Concat(options.AdditionalDocuments);

    private static DiagnosticResult Result(string id) =>
        new DiagnosticResult(id, DiagnosticSeverity.Warning).WithOptions(DiagnosticOptions.IgnoreSeverity | DiagnosticOptions.IgnoreAdditionalLocations);
}
