using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AllocAnalyzers.Tests.Verification;

/// <summary>
/// Wraps a fix provider whose actions are listed in <see cref="KnownGaps.CrlfInLfDocuments"/>: their changed documents
/// get their CRLF read as LF where the document was LF before, which is how the hand-written
/// verifier compared texts. The library compares texts exactly, and those fixes insert CRLF
/// into LF files, a defect for the fix's owner; this keeps their tests' expectations meanwhile.
/// </summary>
internal sealed class LineEndingTolerantFix : CodeFixProvider
{
    private readonly CodeFixProvider _inner;

    public LineEndingTolerantFix(CodeFixProvider inner) => _inner = inner;

    public override ImmutableArray<string> FixableDiagnosticIds => _inner.FixableDiagnosticIds;

    public override FixAllProvider? GetFixAllProvider() =>
        _inner.GetFixAllProvider() is { } provider ? new TolerantFixAll(provider) : null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        var wrapped = new CodeFixContext(context.Document, context.Span, context.Diagnostics,
            (action, diagnostics) => context.RegisterCodeFix(Wrap(action, solution), diagnostics), context.CancellationToken);
        return _inner.RegisterCodeFixesAsync(wrapped);
    }

    private static CodeAction Wrap(CodeAction action, Solution original)
    {
        if (action.EquivalenceKey != null && !KnownGaps.CrlfInLfDocuments.Contains(action.EquivalenceKey) && action.NestedActions.IsEmpty) return action;
        if (!action.NestedActions.IsEmpty)
        {
            return CodeAction.Create(action.Title, action.NestedActions.Select(a => Wrap(a, original)).ToImmutableArray(), action.IsInlinable);
        }

        return CodeAction.Create(action.Title, async ct =>
        {
            var operations = await action.GetOperationsAsync(ct);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            return await ReadCrlfAsLfAsync(original, changed, ct);
        }, action.EquivalenceKey);
    }

    private static async Task<Solution> ReadCrlfAsLfAsync(Solution original, Solution changed, CancellationToken ct)
    {
        foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in projectChanges.GetChangedDocuments())
            {
                var before = await original.GetDocument(id)!.GetTextAsync(ct);
                var after = await changed.GetDocument(id)!.GetTextAsync(ct);
                string text = after.ToString();
                if (!before.ToString().Contains("\r\n") && text.Contains("\r\n"))
                {
                    changed = changed.WithDocumentText(id, SourceText.From(text.Replace("\r\n", "\n"), after.Encoding, after.ChecksumAlgorithm));
                }
            }
        }

        return changed;
    }

    private sealed class TolerantFixAll : FixAllProvider
    {
        private readonly FixAllProvider _inner;

        public TolerantFixAll(FixAllProvider inner) => _inner = inner;

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var action = await _inner.GetFixAsync(fixAllContext);
            return action == null ? null : Wrap(action, fixAllContext.Solution);
        }
    }
}
