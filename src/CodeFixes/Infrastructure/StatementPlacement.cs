using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>Puts new statements before an existing one, wherever that statement stands.</summary>
    internal static class StatementPlacement
    {
        /// <summary>True when statements can be inserted before <paramref name="statement"/> (any statement can: embedded ones get braces).</summary>
        public static bool CanInsertBefore(StatementSyntax statement) =>
            statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax || statement.Parent is GlobalStatementSyntax || IsEmbedded(statement);

        public static void InsertBefore(SyntaxEditor editor, StatementSyntax statement, IEnumerable<StatementSyntax> statements)
        {
            var list = statements.ToList();
            if (statement.Parent is GlobalStatementSyntax global)
            {
                editor.InsertBefore(global, list.Select(s => (SyntaxNode)SyntaxFactory.GlobalStatement(s)));
            }
            else if (IsEmbedded(statement))
            {
                // `if (x) for (...) ...` : the loop is the whole embedded statement, so wrap it in braces.
                editor.ReplaceNode(statement, (current, _) =>
                    SyntaxFactory.Block(list.Concat(new[] { (StatementSyntax)current.WithoutLeadingTrivia() }))
                        .WithLeadingTrivia(current.GetLeadingTrivia())
                        .WithAdditionalAnnotations(Formatter.Annotation));
            }
            else
            {
                editor.InsertBefore(statement, list);
            }
        }

        private static bool IsEmbedded(StatementSyntax statement) =>
            statement.Parent is StatementSyntax parent && !(parent is BlockSyntax) && !(parent is LabeledStatementSyntax);
    }
}
