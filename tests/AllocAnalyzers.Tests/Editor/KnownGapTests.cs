using System.Collections.Immutable;
using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Tests.Editor;

/// <summary>
/// Each entry of <see cref="KnownGaps"/> is still needed: when the fix is repaired, the test names
/// the entry to delete, so that the tolerance never outlives the defect.
/// </summary>
public class KnownGapTests
{
    /// <summary>An LF input for each fix key listed in <see cref="KnownGaps.CrlfInLfDocuments"/>, with the fix that offers it.</summary>
    private static readonly Dictionary<string, (DiagnosticAnalyzer Analyzer, CodeFixProvider Fix, string Source)> CrlfCases = new()
    {
        [HoistAllocationFix.Key] = (new LargeAllocationInLoopAnalyzer(), new LargeAllocationInLoopCodeFixProvider(),
            "class C\n{\n    void M(bool go)\n    {\n        while (go)\n        {\n            var b = new byte[1 << 20];\n            b[0] = 1;\n            go = b[1] == 0;\n        }\n    }\n}\n"),
    };

    [Fact]
    public async Task Every_fix_listed_as_inserting_CRLF_still_does()
    {
        foreach (var key in KnownGaps.CrlfInLfDocuments)
        {
            Assert.True(CrlfCases.TryGetValue(key, out var gap), $"KnownGaps.CrlfInLfDocuments lists {key}: add an input for it here.");
            var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, gap.Source) }, TestOptions.Default);
            var diagnostic = (await AnalyzerRunner.RunAsync(project, ImmutableArray.Create(gap.Analyzer))).First(d => gap.Fix.FixableDiagnosticIds.Contains(d.Id));
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await gap.Fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var action = actions.Single(a => a.EquivalenceKey == key);
            var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            string text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();

            Assert.True(text.Contains("\r\n"), $"{key} keeps the document's LF now: remove it from KnownGaps.CrlfInLfDocuments.");
        }
    }
}
