using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// The one code-fix skeleton. A rule's provider lists its <see cref="DiagnosticFix"/>es; this class
    /// offers each applicable one per diagnostic and supplies Fix All (document, project, solution)
    /// that prepares every plan against the original document and applies them in one editor, so
    /// that edits in the same method compose instead of overwriting each other.
    /// </summary>
    public abstract class AllocCodeFixProvider : CodeFixProvider
    {
        /// <summary>A provider fixes one rule with one or more rewrites, offered in this order.</summary>
        private protected AllocCodeFixProvider(string ruleId, params DiagnosticFix[] fixes)
        {
            FixableDiagnosticIds = ImmutableArray.Create(ruleId);
            Fixes = fixes.ToImmutableArray();
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        internal ImmutableArray<DiagnosticFix> Fixes { get; }

        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(FixAllInDocumentAsync, ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null) return;

            foreach (var diagnostic in context.Diagnostics)
            {
                var target = CreateTarget(context.Document, model, root, diagnostic);
                if (target == null) continue;
                foreach (var fix in Fixes)
                {
                    var plan = fix.Prepare(target, context.CancellationToken);
                    if (plan == null) continue;
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(fix.Title, ct => ApplyAsync(document, new[] { plan }, ct), fix.EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var fix = Fixes.FirstOrDefault(f => f.EquivalenceKey == context.CodeActionEquivalenceKey);
            if (fix == null) return null;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null) return null;

            var plans = new List<FixPlan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var target = CreateTarget(document, model, root, diagnostic);
                var plan = target == null ? null : fix.Prepare(target, context.CancellationToken);
                if (plan != null) plans.Add(plan);
            }

            return plans.Count == 0 ? null : await ApplyAsync(document, plans, context.CancellationToken).ConfigureAwait(false);
        }

        private static FixTarget? CreateTarget(Document document, SemanticModel model, SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree) return null;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            while (node.Parent != null && node.Span == node.Parent.Span && node.Span != diagnostic.Location.SourceSpan) node = node.Parent;
            return node.Span == diagnostic.Location.SourceSpan ? new FixTarget(document, model, root, diagnostic, node) : null;
        }

        private static async Task<Document> ApplyAsync(Document document, IEnumerable<FixPlan> plans, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var plan in plans) plan.Apply(editor);
            var changed = editor.GetChangedDocument();
            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await GuardedRegion.ApplyAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }
}
