using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology
{
    /// <summary>
    /// An element use that only stores (<c>block[i] = v</c>, <c>*p = v</c>): it reads nothing of the
    /// block, so whatever an earlier iteration left there cannot reach the program through it, wherever
    /// the index points. What a hoisted block must clear per iteration is bounded by its reads alone.
    /// </summary>
    internal static class ElementStores
    {
        public static bool IsStoreOnly(BufferUse use)
        {
            if (use.Kind != BufferUseKind.Element) return false;
            var node = use.Operation.Syntax;
            while (node.Parent is ParenthesizedExpressionSyntax) node = node.Parent;
            if (!(node is ElementAccessExpressionSyntax) && !node.IsKind(SyntaxKind.PointerIndirectionExpression)) return false;
            return node.Parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == node;
        }
    }
}
