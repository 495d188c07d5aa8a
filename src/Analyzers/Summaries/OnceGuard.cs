using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// A call that runs once however often its function runs: under a guard that the guarded code
    /// turns off — <c>if (!_decompressed) { Unshrink(); _decompressed = true; }</c>,
    /// <c>if (_table == null) _table = Build();</c> — or lazily assigned, <c>_table ??= Build();</c>.
    /// Recognized by syntax: the <c>if</c> condition names a variable the <c>if</c> body assigns. Such a
    /// call does not pass its function's repetition on to the callee.
    /// </summary>
    internal static class OnceGuard
    {
        /// <summary>True when a once-guard between <paramref name="call"/> and <paramref name="stop"/> (exclusive) keeps it to one run.</summary>
        public static bool Encloses(SyntaxNode call, SyntaxNode? stop)
        {
            SyntaxNode child = call;
            for (var current = call.Parent; current != null && current != stop; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case AssignmentExpressionSyntax lazy when lazy.IsKind(SyntaxKind.CoalesceAssignmentExpression) && child == lazy.Right:
                        return true;
                    case IfStatementSyntax guard when child == guard.Statement && AssignsWhatItTests(guard):
                        return true;
                }

                if (current is MemberDeclarationSyntax || current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax) return false;
            }

            return false;
        }

        private static bool AssignsWhatItTests(IfStatementSyntax guard)
        {
            var tested = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var name in guard.Condition.DescendantNodesAndSelf())
            {
                if (name is IdentifierNameSyntax identifier) tested.Add(identifier.Identifier.ValueText);
            }

            if (tested.Count == 0) return false;
            foreach (var node in guard.Statement.DescendantNodesAndSelf())
            {
                if (node is AssignmentExpressionSyntax assignment && AssignedName(assignment.Left) is string assigned && tested.Contains(assigned)) return true;
            }

            return false;
        }

        private static string? AssignedName(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access when access.Expression is ThisExpressionSyntax => access.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
