using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Flow
{
    /// <summary>Loop statements around a node, within the same function body.</summary>
    internal static class LoopSyntax
    {
        public static bool IsLoop(SyntaxNode node) =>
            node is ForStatementSyntax || node is CommonForEachStatementSyntax || node is WhileStatementSyntax || node is DoStatementSyntax;

        /// <summary>True at the edge of an executable body: a lambda, local function or member.</summary>
        public static bool IsFunctionBoundary(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax || node is MemberDeclarationSyntax || node is CompilationUnitSyntax;

        /// <summary>The innermost loop statement containing the node in the same function, or null.</summary>
        public static StatementSyntax? InnermostLoop(SyntaxNode node)
        {
            for (SyntaxNode? current = node.Parent; current != null && !IsFunctionBoundary(current); current = current.Parent)
            {
                if (IsLoop(current)) return (StatementSyntax)current;
            }

            return null;
        }

        /// <summary>The outermost loop statement containing the node in the same function, or null.</summary>
        public static StatementSyntax? OutermostLoop(SyntaxNode node)
        {
            StatementSyntax? outermost = null;
            for (SyntaxNode? current = node.Parent; current != null && !IsFunctionBoundary(current); current = current.Parent)
            {
                if (IsLoop(current)) outermost = (StatementSyntax)current;
            }

            return outermost;
        }
    }
}
