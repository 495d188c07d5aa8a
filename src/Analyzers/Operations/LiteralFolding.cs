using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Folds integer literals and arithmetic over them (<c>1 &lt;&lt; 20</c>, <c>64 * 1024</c>) from syntax
    /// alone: used where no semantic model of the expression is at hand (another declaration's
    /// initializer). Any name or call makes the value unknown.
    /// </summary>
    internal static class LiteralFolding
    {
        public static long? TryFold(ExpressionSyntax expression, int depth = 0)
        {
            if (depth > 16) return null;
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    return literal.Token.Value switch
                    {
                        int i => i,
                        long l => l,
                        uint u => u,
                        ulong ul when ul <= long.MaxValue => (long)ul,
                        _ => (long?)null,
                    };
                case ParenthesizedExpressionSyntax parenthesized:
                    return TryFold(parenthesized.Expression, depth + 1);
                case CastExpressionSyntax cast:
                    return TryFold(cast.Expression, depth + 1);
                case BinaryExpressionSyntax binary:
                {
                    long? left = TryFold(binary.Left, depth + 1);
                    long? right = left == null ? null : TryFold(binary.Right, depth + 1);
                    if (left == null || right == null) return null;
                    try
                    {
                        checked
                        {
                            switch (binary.Kind())
                            {
                                case SyntaxKind.AddExpression: return left + right;
                                case SyntaxKind.SubtractExpression: return left - right;
                                case SyntaxKind.MultiplyExpression: return left * right;
                                case SyntaxKind.DivideExpression: return right == 0 ? null : left / right;
                                case SyntaxKind.LeftShiftExpression: return right < 0 || right > 62 ? null : left << (int)right.Value;
                                case SyntaxKind.RightShiftExpression: return right < 0 || right > 63 ? null : left >> (int)right.Value;
                                default: return null;
                            }
                        }
                    }
                    catch (OverflowException)
                    {
                        return null;
                    }
                }

                default:
                    return null;
            }
        }

        /// <summary>The C# source text of an integer constant, for code fixes that need to restate it.</summary>
        public static string ToLiteral(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
