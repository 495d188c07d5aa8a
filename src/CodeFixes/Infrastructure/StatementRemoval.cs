using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// Removes a statement and keeps the file tidy: comment lines above the statement stay (they move
    /// to whatever follows), while its indentation, blank lines and end-of-line comment go with it.
    /// Preprocessor directives are never lost.
    /// </summary>
    internal static class StatementRemoval
    {
        /// <summary>
        /// The node to remove for <paramref name="statement"/>, or null when removing it would leave
        /// invalid code (an embedded statement such as the body of an <c>if</c>, the last statement of a
        /// switch section).
        /// </summary>
        public static SyntaxNode? Removable(StatementSyntax statement)
        {
            switch (statement.Parent)
            {
                case BlockSyntax _:
                    return statement;
                case SwitchSectionSyntax section when section.Statements.Count > 1 && section.Statements.Last() != statement:
                    return statement;
                case GlobalStatementSyntax global:
                    return global;
                default:
                    return null;
            }
        }

        /// <summary>The statement of an expression used as one (<c>Array.Clear(b);</c>), or the node itself when it is a statement.</summary>
        public static StatementSyntax? StatementOf(SyntaxNode node)
        {
            if (node is StatementSyntax statement) return statement;
            return node.Parent is ExpressionStatementSyntax expressionStatement && expressionStatement.Expression == node ? expressionStatement : null;
        }

        public static void Remove(SyntaxEditor editor, SyntaxNode removable)
        {
            // Comments, directives and disabled code (#if) in front of the statement belong to the file, not to the statement.
            bool keepLeading = removable.GetLeadingTrivia().Any(t => IsComment(t) || t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia));
            if (!keepLeading)
            {
                editor.RemoveNode(removable, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                return;
            }

            // Keep the lines in front of the statement, not its own indentation (the next line has one).
            var leading = removable.GetLeadingTrivia();
            int end = leading.Count;
            while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia)) end--;
            var kept = SyntaxFactory.TriviaList(leading.Take(end));
            editor.ReplaceNode(removable, (current, _) => current.WithLeadingTrivia(kept));
            editor.RemoveNode(removable, SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia) ||
            trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
    }
}
