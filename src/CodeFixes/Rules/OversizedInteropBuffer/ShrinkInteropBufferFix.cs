using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Rules.OversizedInteropBuffer;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.CodeFixes.Rules.OversizedInteropBuffer
{
    /// <summary>
    /// ALLOC003 fix: allocate only what the native calls can use. Offered when every use of the buffer
    /// stays provably inside the new size — native calls with constant lengths, constant indexes,
    /// spans and (start, count) ranges bounded by constants or by what a native read returned — and
    /// nothing reads its <c>Length</c>, so the program computes exactly what it did. The new size is
    /// written as the call's own constant when that name is in scope at the allocation.
    /// </summary>
    internal sealed class ShrinkInteropBufferFix : DiagnosticFix
    {
        public const string Key = "ALLOC003.Shrink";

        public override string EquivalenceKey => Key;

        public override string Title => "Allocate only the length the native call uses";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            var model = target.SemanticModel;
            var types = new WellKnownTypes(model.Compilation);
            var operation = model.GetOperation(target.Node, cancellationToken);
            var buffer = operation == null ? null : ZeroedBuffer.Recognize(operation, types);
            if (buffer?.SizeOperation == null || !(buffer.SizeOperation.Syntax is ExpressionSyntax sizeSyntax)) return null;
            if (!target.Node.Span.Contains(sizeSyntax.Span)) return null;
            var uses = BufferUses.OfValue(operation!, types, out _);
            if (uses == null) return null;

            long used = 0;
            foreach (var use in uses)
            {
                if (use.Kind == BufferUseKind.Freed) continue;
                if (use.Kind == BufferUseKind.Length || use.Kind == BufferUseKind.Other) return null;
                long? bound = UseBounds.Of(use, uses);
                if (bound == null) return null;
                used = System.Math.Max(used, bound.Value);
            }

            if (used <= 0 || used >= buffer.Bytes) return null;
            long count = (used + buffer.ElementSize - 1) / buffer.ElementSize;
            var replacement = SizeExpression(count, buffer, uses, sizeSyntax, model);
            return new FixPlan(editor => editor.ReplaceNode(sizeSyntax, replacement.WithTriviaFrom(sizeSyntax)));
        }

        /// <summary>The native call's own length expression when it is a constant of exactly this value visible here; else the number.</summary>
        private static ExpressionSyntax SizeExpression(long count, ZeroedBuffer buffer, System.Collections.Generic.List<BufferUse> uses, ExpressionSyntax site, SemanticModel model)
        {
            foreach (var use in uses.Where(u => u.Kind == BufferUseKind.NativeCall && u.Argument != null))
            {
                var length = NativeCalls.LengthArgumentFor(use.Argument!)?.Value.WithoutConversions();
                if (length == null || !length.ConstantValue.HasValue || ConstantValues.TryGetInt64(length) != count) continue;
                if (length.Syntax is LiteralExpressionSyntax) break;
                if (length is ILocalReferenceOperation || length is IFieldReferenceOperation)
                {
                    var symbol = length is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IFieldReferenceOperation)length).Field;
                    bool visible = model.LookupSymbols(site.SpanStart, name: symbol.Name).Any(s => SymbolEqualityComparer.Default.Equals(s, symbol));
                    bool declaredBefore = !(symbol is ILocalSymbol) || symbol.DeclaringSyntaxReferences.All(r => r.Span.End <= site.SpanStart);
                    if (visible && declaredBefore) return ((ExpressionSyntax)length.Syntax).WithoutTrivia();
                }
            }

            return SyntaxFactory.ParseExpression(LiteralFolding.ToLiteral(count));
        }
    }
}
