using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Whether code sits in an <c>#if</c>/<c>#elif</c>/<c>#else</c> region chosen by the target framework
    /// (<c>NET6_0_OR_GREATER</c>, <c>NETSTANDARD2_0</c>, <c>NETFRAMEWORK</c>, <c>NETCOREAPP</c>…). Such
    /// code is usually a fallback that must also build where newer APIs are missing, so rules that
    /// suggest a newer API stay quiet there.
    /// </summary>
    internal static class ConditionalCompilation
    {
        private static readonly string[] FrameworkSymbolPrefixes = { "NET", "NETSTANDARD", "NETCOREAPP", "NETFRAMEWORK" };

        // The directives of each file, read once per tree: ALLOC006 asks per candidate.
        private static readonly ConditionalWeakTable<SyntaxTree, List<DirectiveTriviaSyntax>> Directives = new ConditionalWeakTable<SyntaxTree, List<DirectiveTriviaSyntax>>();

        public static bool IsInFrameworkConditional(SyntaxNode node)
        {
            var directives = Directives.GetValue(node.SyntaxTree, ReadDirectives);
            if (directives.Count == 0) return false;
            int position = node.SpanStart;

            // Each open #if chain on the way to the node, with the conditions seen so far in it.
            var open = new Stack<List<ExpressionSyntax>>();
            foreach (var directive in directives)
            {
                if (directive.SpanStart >= position) break;
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        open.Push(new List<ExpressionSyntax> { ifDirective.Condition });
                        break;
                    case ElifDirectiveTriviaSyntax elif when open.Count > 0:
                        open.Peek().Add(elif.Condition);
                        break;
                    case EndIfDirectiveTriviaSyntax _ when open.Count > 0:
                        open.Pop();
                        break;
                }
            }

            return open.Any(chain => chain.Any(MentionsFramework));
        }

        private static List<DirectiveTriviaSyntax> ReadDirectives(SyntaxTree tree)
        {
            var root = tree.GetRoot();
            if (!root.ContainsDirectives) return new List<DirectiveTriviaSyntax>();
            return root.DescendantTrivia(descendIntoTrivia: true).Select(t => t.GetStructure()).OfType<DirectiveTriviaSyntax>().ToList();
        }

        private static bool MentionsFramework(ExpressionSyntax condition) =>
            condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name =>
            {
                string text = name.Identifier.ValueText;
                return FrameworkSymbolPrefixes.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal)) &&
                       (text.Length == 3 || text.Length > 3 && (char.IsDigit(text[3]) || text[3] == '_' || char.IsUpper(text[3])));
            });
    }
}
