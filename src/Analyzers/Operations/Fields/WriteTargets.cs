using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Every name a type declaration may write, found by syntax alone: the targets of assignments
    /// (compound and deconstructing ones too), of <c>++</c>/<c>--</c>, of <c>&amp;</c>, and of
    /// <c>ref</c>/<c>out</c> arguments and <c>ref</c> expressions, keyed by the name written
    /// (<c>Size</c>, <c>this.Size</c> and <c>C.Size</c> all under "Size"). Matching by name first
    /// keeps binding to the few candidates that could be the field in question.
    /// </summary>
    internal static class WriteTargets
    {
        public static Dictionary<string, List<ExpressionSyntax>> In(IEnumerable<SyntaxNode> declarations)
        {
            var targets = new Dictionary<string, List<ExpressionSyntax>>();
            foreach (var declaration in declarations)
            {
                foreach (var node in declaration.DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment:
                            Add(targets, assignment.Left);
                            break;
                        case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression):
                            Add(targets, prefix.Operand);
                            break;
                        case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                            Add(targets, postfix.Operand);
                            break;
                        case ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword):
                            Add(targets, argument.Expression);
                            break;
                        case RefExpressionSyntax reference:
                            Add(targets, reference.Expression);
                            break;
                    }
                }
            }

            return targets;
        }

        private static void Add(Dictionary<string, List<ExpressionSyntax>> targets, ExpressionSyntax target)
        {
            while (target is ParenthesizedExpressionSyntax parenthesized) target = parenthesized.Expression;
            switch (target)
            {
                case TupleExpressionSyntax tuple:
                    // (Size, other) = ...: each element is written.
                    foreach (var element in tuple.Arguments) Add(targets, element.Expression);
                    return;
                case IdentifierNameSyntax name:
                    Add(targets, name.Identifier.ValueText, name);
                    return;
                case MemberAccessExpressionSyntax member:
                    Add(targets, member.Name.Identifier.ValueText, member);
                    return;
            }
        }

        private static void Add(Dictionary<string, List<ExpressionSyntax>> targets, string name, ExpressionSyntax target)
        {
            if (!targets.TryGetValue(name, out var list)) targets[name] = list = new List<ExpressionSyntax>();
            list.Add(target);
        }
    }
}
