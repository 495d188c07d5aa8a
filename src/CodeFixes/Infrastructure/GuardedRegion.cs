using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AllocAnalyzers.CodeFixes.TargetFrameworks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// Puts a fix's rewritten code under <c>#if condition</c> with the original code as <c>#else</c>,
    /// for an API some target frameworks lack (<see cref="FrameworkGuard"/>). The plan marks the
    /// rewritten statements (or node) with an annotation that carries the condition and the original
    /// text; after simplification and formatting, <see cref="ApplyAsync"/> writes the directives
    /// around them. Imports are not added for guarded code: a <c>using System.Buffers;</c> at the top
    /// would not compile where the condition does not hold, so names stay qualified as needed.
    /// </summary>
    internal static class GuardedRegion
    {
        private const string Kind = "AllocAnalyzers.GuardedRegion";
        private const char Separator = '\u0001';

        /// <summary>
        /// <paramref name="plan"/> wrapped so that the run of statements of one block covering every
        /// <paramref name="edited"/> node is guarded; the plan itself when no guard is needed; null
        /// when the edits share no block (then the fix is not offered).
        /// </summary>
        public static FixPlan? Wrap(FixPlan plan, FrameworkGuard guard, IReadOnlyList<SyntaxNode> edited)
        {
            if (guard.Condition == null) return plan;
            var block = edited[0].Ancestors().OfType<BlockSyntax>().FirstOrDefault(b => edited.All(e => b.Span.Contains(e.Span) && e != b));
            if (block == null) return null;
            int first = int.MaxValue, last = -1;
            for (int i = 0; i < block.Statements.Count; i++)
            {
                if (!edited.Any(e => block.Statements[i].FullSpan.IntersectsWith(e.Span))) continue;
                first = Math.Min(first, i);
                last = i;
            }

            if (last < 0) return null;
            // The original goes into #else as whole lines: a region sharing a line with other code is not guarded (no fix).
            var text = block.SyntaxTree.GetText();
            int start = LineStart(text, block.Statements[first].SpanStart);
            int end = block.Statements[last].FullSpan.End;
            if (text.ToString(TextSpan.FromBounds(start, block.Statements[first].SpanStart)).Trim().Length > 0 || end == 0 || text[end - 1] != '\n') return null;
            string original = text.ToString(TextSpan.FromBounds(start, end));
            int after = block.Statements.Count - 1 - last;
            var annotation = Annotation(guard.Condition, original);
            return new FixPlan(editor =>
            {
                plan.Apply(editor);
                editor.ReplaceNode(block, (current, _) =>
                {
                    var statements = ((BlockSyntax)current).Statements;
                    int end = statements.Count - 1 - after;
                    return ((BlockSyntax)current).WithStatements(SyntaxFactory.List(statements.Select((s, i) =>
                        i >= first && i <= end ? Mark(s, annotation) : s)));
                });
            });
        }

        /// <summary>An annotation for a node a fix adds whole (an attribute list): guarded, with nothing in <c>#else</c>.</summary>
        public static T MarkAdded<T>(T node, string condition) where T : SyntaxNode => Mark(node, Annotation(condition, string.Empty));

        /// <summary>Writes <c>#if</c>/<c>#else</c>/<c>#endif</c> around every marked region of the document.</summary>
        public static async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null) return document;
            var regions = root.GetAnnotatedNodes(Kind)
                .SelectMany(n => n.GetAnnotations(Kind).Select(a => (Node: n, Data: a.Data ?? string.Empty)))
                .GroupBy(x => x.Data)
                .ToList();
            if (regions.Count == 0) return document;

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            string eol = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
            var changes = new List<TextChange>();
            foreach (var region in regions)
            {
                var parts = region.Key.Split(Separator);
                string condition = parts[0];
                string original = parts.Length > 2 ? parts[2] : string.Empty;
                int first = region.Min(x => x.Node.SpanStart);
                int start = LineStart(text, first);
                int end = region.Max(x => x.Node.FullSpan.End);
                // Directives stand on lines of their own, whatever the formatter left around the region.
                bool ownLine = text.ToString(TextSpan.FromBounds(start, first)).Trim().Length == 0;
                if (!ownLine) start = first;
                string close = end > 0 && text[end - 1] == '\n' ? string.Empty : eol;
                changes.Add(new TextChange(new TextSpan(start, 0), (ownLine ? string.Empty : eol) + "#if " + condition + eol));
                changes.Add(new TextChange(new TextSpan(end, 0), close + (original.Length > 0 ? "#else" + eol + original : string.Empty) + "#endif" + eol));
            }

            return document.WithText(text.WithChanges(changes.OrderBy(c => c.Span.Start)));
        }

        private static SyntaxAnnotation Annotation(string condition, string original) =>
            new SyntaxAnnotation(Kind, condition + Separator + Guid.NewGuid().ToString("N") + Separator + original);

        private static T Mark<T>(T node, SyntaxAnnotation annotation) where T : SyntaxNode
        {
            // Without the import adder, the simplifier leaves some global:: names as they are: drop the
            // alias (the names are fully qualified) and let it shorten what the file's usings allow.
            var generated = node.DescendantNodes().Where(n => n.HasAnnotation(Simplifier.AddImportsAnnotation)).ToList();
            node = node.ReplaceNodes(
                generated.SelectMany(g => g.DescendantNodes()).Where(n => n is QualifiedNameSyntax || n is MemberAccessExpressionSyntax),
                (_, current) => current.WithAdditionalAnnotations(Simplifier.Annotation));
            var rewritten = node.ReplaceNodes(
                node.DescendantNodes().Where(n => n.HasAnnotation(Simplifier.AddImportsAnnotation) || n is AliasQualifiedNameSyntax),
                (original, current) => current is AliasQualifiedNameSyntax alias && alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword)
                    ? alias.Name.WithTriviaFrom(alias).WithAdditionalAnnotations(Simplifier.Annotation)
                    : current.WithoutAnnotations(Simplifier.AddImportsAnnotation));
            return rewritten.WithoutAnnotations(Simplifier.AddImportsAnnotation).WithAdditionalAnnotations(annotation);
        }

        private static int LineStart(SourceText text, int position) => text.Lines.GetLineFromPosition(position).Start;
    }
}
