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

        /// <summary>
        /// The innermost loop that runs the node on each of its iterations, within the same function:
        /// its body, a <c>for</c> loop's condition and incrementors, a <c>while</c>/<c>do</c> condition —
        /// not a <c>for</c> initializer or the collection of a <c>foreach</c>, which run once. Null when none.
        /// </summary>
        public static StatementSyntax? RepeatingLoop(SyntaxNode node)
        {
            SyntaxNode child = node;
            for (SyntaxNode? current = node.Parent; current != null && !IsFunctionBoundary(current); child = current, current = current.Parent)
            {
                switch (current)
                {
                    case ForStatementSyntax loop when child == loop.Statement || child == loop.Condition || (child is ExpressionSyntax step && loop.Incrementors.Contains(step)):
                    case CommonForEachStatementSyntax each when child == each.Statement:
                    case WhileStatementSyntax _:
                    case DoStatementSyntax _:
                        return (StatementSyntax)current;
                }
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
