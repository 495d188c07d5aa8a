using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Rules.OversizedInteropBuffer;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.CodeFixes.Rules.OversizedInteropBuffer
{
    /// <summary>
    /// ALLOC003 fix: allocate only what the uses can reach. The analyzer flags only buffers whose every
    /// use is bounded (<see cref="UseBounds"/>) and whose Length nobody reads, so the program computes
    /// exactly what it did; the fix re-checks that against the current document. It rewrites a single
    /// size argument, or turns <c>NativeMemory.AllocZeroed(count, size)</c> into <c>AllocZeroed(bytes)</c>;
    /// two-argument <c>calloc</c> P/Invokes keep their size (their parameter types vary). The new size is written as the call's own constant when that name is in scope
    /// at the allocation.
    /// </summary>
    internal sealed class ShrinkInteropBufferFix : DiagnosticFix
    {
        public const string Key = "ALLOC003.Shrink";

        public override string EquivalenceKey => Key;

        public override string Title => "Allocate only the length the native call uses";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            var model = target.SemanticModel;
            var types = target.Types;
            var operation = target.Operation;
            var buffer = operation == null ? null : OversizedInteropBufferAnalyzer.ZeroedInteropBuffer(BufferRecognizer.Recognize(operation, types));
            if (buffer == null) return null;
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
            long elementSize = buffer.ElementSize ?? 1;
            long count = (used + elementSize - 1) / elementSize;
            if (buffer.CountOperation?.Syntax is ExpressionSyntax sizeSyntax && target.Node.Span.Contains(sizeSyntax.Span))
            {
                var replacement = SizeExpression(count, buffer, uses, sizeSyntax, model);
                return new FixPlan(editor => editor.ReplaceNode(sizeSyntax, replacement.WithTriviaFrom(sizeSyntax)));
            }

            // NativeMemory.AllocZeroed(count, size) becomes the one-argument AllocZeroed(bytes).
            if (target.Node is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count == 2 &&
                operation is IInvocationOperation invocation && invocation.TargetMethod.Name == "AllocZeroed" &&
                SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, types.NativeMemory))
            {
                var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SizeExpression(count, buffer, uses, call.ArgumentList.Arguments[0].Expression, model))));
                return new FixPlan(editor => editor.ReplaceNode(call.ArgumentList, arguments.WithTriviaFrom(call.ArgumentList)));
            }

            return null;
        }

        /// <summary>The native call's own length expression when it is a constant of exactly this value visible here; else the number.</summary>
        private static ExpressionSyntax SizeExpression(long count, BufferAllocation buffer, System.Collections.Generic.List<BufferUse> uses, ExpressionSyntax site, SemanticModel model)
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
