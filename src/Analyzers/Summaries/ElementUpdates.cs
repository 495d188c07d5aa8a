using System.Collections.Immutable;
using System.Threading;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// The parameters whose elements a method updates in place — <c>counts[b]++</c>,
    /// <c>bits[i &gt;&gt; 3] |= m</c> — and so reads before it writes: a histogram or bit table handed to it
    /// is read as zero first. A block whose zeros are read is not zeroed for nothing.
    /// </summary>
    internal static class ElementUpdates
    {
        /// <summary>The ordinals of the parameters <paramref name="method"/> updates elements of (empty when none, or not in source).</summary>
        public static ImmutableHashSet<int> Of(IMethodSymbol method, CompilationSummaries summaries, CancellationToken cancellationToken)
        {
            // Syntax first: most methods update no element in place, and that costs no binding to see.
            if (!(BodySyntax.Of(method) is { } syntax) || !MayUpdateAnElement(syntax)) return ImmutableHashSet<int>.Empty;
            var body = MethodBodies.Of(method, summaries, cancellationToken);
            if (body == null) return ImmutableHashSet<int>.Empty;
            var ordinals = ImmutableHashSet.CreateBuilder<int>();
            foreach (var operation in body.Descendants())
            {
                var target = operation switch
                {
                    IIncrementOrDecrementOperation step => step.Target,
                    ICompoundAssignmentOperation compound => compound.Target,
                    _ => null,
                };
                if (ElementOwner(target) is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method))
                {
                    ordinals.Add(parameter.Parameter.Ordinal);
                }
            }

            return ordinals.ToImmutable();
        }

        /// <summary>The array or span an element reference indexes (<c>a[i]</c>, <c>span[i]</c>), or null.</summary>
        private static IOperation? ElementOwner(IOperation? target) => target switch
        {
            IArrayElementReferenceOperation element => element.ArrayReference.WithoutConversions(),
            IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer => indexer.Instance?.WithoutConversions(),
            _ => null,
        };

        private static bool MayUpdateAnElement(SyntaxNode body)
        {
            foreach (var node in body.DescendantNodes())
            {
                switch (node)
                {
                    case PostfixUnaryExpressionSyntax { Operand: ElementAccessExpressionSyntax }:
                    case PrefixUnaryExpressionSyntax { Operand: ElementAccessExpressionSyntax } prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    case AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax } assignment when !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                        return true;
                }
            }

            return false;
        }
    }
}
