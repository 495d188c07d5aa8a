using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AllocAnalyzers.CodeFixes.Infrastructure;
using AllocAnalyzers.CodeFixes.TargetFrameworks;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.CodeFixes.Rules.NativeAllocThenClear
{
    /// <summary>
    /// ALLOC006 fix: allocate with <c>NativeMemory.AllocZeroed</c> and remove the clear. For
    /// <c>Marshal.AllocHGlobal</c> the block then comes from a different allocator (calloc rather than
    /// LocalAlloc on Windows), so every <c>FreeHGlobal</c> of it in the method becomes
    /// <c>NativeMemory.Free</c>, and the fix is offered only when the method owns the block: every use is
    /// a free, a native call, an element access, a span, or a framework call that borrows it — nothing
    /// stores, returns or hands it to code that might free or reallocate it with the other allocator.
    /// </summary>
    internal sealed class UseAllocZeroedFix : DiagnosticFix
    {
        public const string Key = "ALLOC006.AllocZeroed";

        private const string NativeMemory = "global::System.Runtime.InteropServices.NativeMemory";

        public override string EquivalenceKey => Key;

        public override string Title => "Use NativeMemory.AllocZeroed and remove the clear";

        public override FixPlan? Prepare(FixTarget target, CancellationToken cancellationToken)
        {
            var model = target.SemanticModel;
            var types = target.Types;
            if (types.NativeMemory == null || !(target.Node is InvocationExpressionSyntax call)) return null;
            // A clearing helper that does more than clear must stay.
            if (target.ClearMustStay) return null;
            var allocation = model.GetOperation(call, cancellationToken) is IOperation operation ? BufferRecognizer.Recognize(operation, types) : null;
            if (allocation == null || (allocation.Source != BufferSource.NativeAlloc && allocation.Source != BufferSource.AllocHGlobal)) return null;
            var clear = ClearStatement(target);
            if (clear == null) return null;

            var guard = FrameworkGuard.For(target.Document, call, FrameworkApi.NativeMemory);
            if (!guard.Offered) return null;
            string arguments = string.Join(", ", call.ArgumentList.Arguments.Select(a => a.WithoutTrivia().ToString()));
            if (allocation.Source == BufferSource.NativeAlloc)
            {
                var zeroed = GeneratedCode.Expression($"{NativeMemory}.AllocZeroed({arguments})");
                return GuardedRegion.Wrap(
                    new FixPlan(editor =>
                    {
                        editor.RemoveNode(clear, SyntaxRemoveOptions.KeepNoTrivia);
                        editor.ReplaceNode(call, zeroed.WithTriviaFrom(call));
                    }),
                    guard,
                    new SyntaxNode[] { call, clear });
            }

            if (allocation.Source != BufferSource.AllocHGlobal || !UnsafeContext.Contains(call)) return null;
            var frees = OwnedFrees(allocation, types);
            if (frees == null) return null;

            var size = allocation.CountOperation;
            if (size == null) return null;
            long? constant = ConstantValues.TryGetInt64(size);
            string sizeText = constant != null && constant >= 0 && size.ConstantValue.HasValue ? call.ArgumentList.Arguments[0].Expression.WithoutTrivia().ToString() : "(nuint)" + Parenthesized(call.ArgumentList.Arguments[0].Expression);
            var replacement = GeneratedCode.Expression($"(global::System.IntPtr){NativeMemory}.AllocZeroed({sizeText})");
            var freeSyntax = frees.Select(f => (InvocationExpressionSyntax)f.Syntax).ToList();
            return GuardedRegion.Wrap(Plan(), guard, new SyntaxNode[] { call, clear }.Concat(freeSyntax).ToList());

            FixPlan Plan() => new FixPlan(editor =>
            {
                editor.RemoveNode(clear, SyntaxRemoveOptions.KeepNoTrivia);
                editor.ReplaceNode(call, replacement.WithTriviaFrom(call));
                foreach (var free in freeSyntax)
                {
                    var pointer = free.ArgumentList.Arguments[0].Expression;
                    editor.ReplaceNode(free, GeneratedCode.Expression($"{NativeMemory}.Free((void*){Parenthesized(pointer)})").WithTriviaFrom(free));
                }
            });
        }

        /// <summary>The statement the analyzer found to clear the block (its additional location).</summary>
        private static StatementSyntax? ClearStatement(FixTarget target)
        {
            if (target.Diagnostic.AdditionalLocations.Count != 1) return null;
            var location = target.Diagnostic.AdditionalLocations[0];
            if (location.SourceTree != target.Root.SyntaxTree) return null;
            var node = target.Root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            var statement = node as StatementSyntax ?? node.FirstAncestorOrSelf<StatementSyntax>();
            if (statement == null || !(statement.Parent is BlockSyntax)) return null;
            return statement is ExpressionStatementSyntax expression && expression.Expression.Span == location.SourceSpan || statement.Span == location.SourceSpan ? statement : null;
        }

        /// <summary>The FreeHGlobal calls of a block only this method uses, or null when it may be used, freed or reallocated elsewhere.</summary>
        private static List<IOperation>? OwnedFrees(BufferAllocation allocation, WellKnownTypes types)
        {
            var uses = BufferUses.OfValue(allocation.Operation, types, out var local);
            if (uses == null || local == null) return null;
            if (BufferLocals.IsWrittenElsewhere(BufferLocals.References(allocation.Operation, local), allocation.Operation.ParentSkippingConversions(out _))) return null;
            var frees = new List<IOperation>();
            foreach (var use in uses)
            {
                switch (use.Kind)
                {
                    case BufferUseKind.Freed:
                        if (!(use.Operation is IInvocationOperation free) || free.TargetMethod.Name != "FreeHGlobal") return null;
                        frees.Add(free);
                        break;
                    case BufferUseKind.Borrowed:
                        if (!IsHarmlessFrameworkCall(use.Operation)) return null;
                        break;
                    case BufferUseKind.NativeCall:
                    case BufferUseKind.Element:
                    case BufferUseKind.View:
                        break;
                    default:
                        return null;
                }
            }

            return frees;
        }

        /// <summary>A framework method (System.*) that is not a free or reallocation: it reads or writes the block and lets go.</summary>
        private static bool IsHarmlessFrameworkCall(IOperation operation)
        {
            if (!(operation is IInvocationOperation invocation)) return false;
            string? ns = invocation.TargetMethod.ContainingNamespace?.ToDisplayString();
            string name = invocation.TargetMethod.Name;
            return ns != null && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal)) &&
                !name.StartsWith("Free", System.StringComparison.Ordinal) && !name.StartsWith("ReAlloc", System.StringComparison.OrdinalIgnoreCase) &&
                !name.StartsWith("Realloc", System.StringComparison.Ordinal) && !name.StartsWith("Destroy", System.StringComparison.Ordinal);
        }

        private static string Parenthesized(ExpressionSyntax expression)
        {
            var bare = expression.WithoutTrivia();
            return bare is IdentifierNameSyntax || bare is LiteralExpressionSyntax || bare is MemberAccessExpressionSyntax || bare is ParenthesizedExpressionSyntax
                ? bare.ToString()
                : "(" + bare + ")";
        }
    }
}
