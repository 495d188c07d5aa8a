using AllocAnalyzers.Operations.Clears;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// Necessary conditions on a method's syntax, checked before its body is bound: most methods a
    /// rule asks about are neither allocation wrappers nor clearing helpers, and reading their syntax
    /// costs nothing next to binding them.
    /// </summary>
    internal static class BodySyntax
    {
        /// <summary>The method's block or expression body, or null (no single declaration with a body).</summary>
        public static SyntaxNode? Of(IMethodSymbol method)
        {
            if (method.DeclaringSyntaxReferences.Length != 1) return null;
            switch (method.DeclaringSyntaxReferences[0].GetSyntax())
            {
                case BaseMethodDeclarationSyntax declaration:
                    return (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
                case LocalFunctionStatementSyntax local:
                    return (SyntaxNode?)local.Body ?? local.ExpressionBody;
                default:
                    return null;
            }
        }

        /// <summary>A top-level statement could be a clear: a call named like one of <c>ClearRecognizer</c>'s (Clear, Fill, InitBlock…), or a <c>for</c> loop.</summary>
        public static bool MayClear(SyntaxNode body)
        {
            if (body is ArrowExpressionClauseSyntax arrow) return IsClearCall(arrow.Expression);
            foreach (var statement in ((BlockSyntax)body).Statements)
            {
                if (statement is ForStatementSyntax loop && StoresIntoAnElement(loop.Statement)) return true;
                if (statement is ExpressionStatementSyntax expression && IsClearCall(expression.Expression)) return true;
            }

            return false;
        }

        /// <summary>A return could hand out a fresh allocation: an array creation, a call named like an allocator, or a local.</summary>
        public static bool MayReturnAllocation(SyntaxNode body)
        {
            if (body is ArrowExpressionClauseSyntax arrow) return IsAllocationLike(arrow.Expression);
            foreach (var node in body.DescendantNodes())
            {
                if (node is ReturnStatementSyntax { Expression: { } value } && (IsAllocationLike(value) || value is IdentifierNameSyntax)) return true;
            }

            return false;
        }

        /// <summary>A loop body that is one store into an element (<c>a[i] = 0;</c>): the only loop shape that can be a clear.</summary>
        private static bool StoresIntoAnElement(StatementSyntax body)
        {
            while (body is BlockSyntax block && block.Statements.Count == 1) body = block.Statements[0];
            return body is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax } };
        }

        private static bool IsClearCall(ExpressionSyntax expression) =>
            expression is InvocationExpressionSyntax call && CallSiteIndex.CalledName(call.Expression) is string name && ClearRecognizer.IsClearingName(name);

        private static bool IsAllocationLike(ExpressionSyntax expression)
        {
            while (expression is CastExpressionSyntax cast) expression = cast.Expression;
            if (expression is ArrayCreationExpressionSyntax) return true;
            return expression is InvocationExpressionSyntax call && CallSiteIndex.CalledName(call.Expression) is string name &&
                (name.IndexOf("alloc", System.StringComparison.OrdinalIgnoreCase) >= 0 || name == "Rent");
        }
    }
}
