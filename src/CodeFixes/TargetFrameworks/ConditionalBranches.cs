using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.CodeFixes.TargetFrameworks
{
    internal enum BranchPosition
    {
        /// <summary>Not inside an <c>#if</c> with the condition.</summary>
        Outside,

        /// <summary>In the <c>#if</c> part: compiled only where the condition holds.</summary>
        InIf,

        /// <summary>In the <c>#else</c> part: compiled only where it does not (a guarded fix's fallback).</summary>
        InElse,
    }

    /// <summary>Where a position stands relative to <c>#if condition … #else … #endif</c> blocks of a file.</summary>
    internal static class ConditionalBranches
    {
        public static BranchPosition At(SyntaxNode node, string condition)
        {
            var open = new Stack<(string Condition, bool InElse)>();
            int position = node.SpanStart;
            for (var directive = node.SyntaxTree.GetRoot().GetFirstDirective(); directive != null && directive.SpanStart < position; directive = directive.GetNextDirective())
            {
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax @if:
                        open.Push((Normalize(@if.Condition.ToString()), false));
                        break;
                    case ElifDirectiveTriviaSyntax elif when open.Count > 0:
                        open.Pop();
                        open.Push((Normalize(elif.Condition.ToString()), false));
                        break;
                    case ElseDirectiveTriviaSyntax _ when open.Count > 0:
                        var top = open.Pop();
                        open.Push((top.Condition, true));
                        break;
                    case EndIfDirectiveTriviaSyntax _ when open.Count > 0:
                        open.Pop();
                        break;
                }
            }

            string wanted = Normalize(condition);
            foreach (var (text, inElse) in open)
            {
                if (text == wanted) return inElse ? BranchPosition.InElse : BranchPosition.InIf;
            }

            return BranchPosition.Outside;
        }

        private static string Normalize(string condition) => condition.Replace(" ", string.Empty).Replace("\t", string.Empty);
    }
}
