using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>The operation tree of a source method's body, for summarizing what a call to it does.</summary>
    internal static class MethodBodies
    {
        /// <summary>
        /// The body of <paramref name="method"/> when the compilation holds exactly one and a call
        /// provably runs it: not abstract, extern or partial without a body, and not virtual unless
        /// sealed (an override elsewhere could do anything).
        /// </summary>
        public static IBlockOperation? Of(IMethodSymbol method, CompilationSummaries summaries, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern || ((method.IsVirtual || method.IsOverride) && !method.IsSealed && !method.ContainingType.IsSealed)) return null;
            if (method.DeclaringSyntaxReferences.Length != 1) return null;
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (syntax.ContainsDiagnostics) return null;
            var model = summaries.ModelFor(syntax.SyntaxTree);
            switch (model.GetOperation(syntax, cancellationToken))
            {
                case IMethodBodyOperation body:
                    return body.BlockBody ?? body.ExpressionBody;
                case ILocalFunctionOperation local:
                    return local.Body;
                default:
                    return null;
            }
        }

        /// <summary>True when <paramref name="operation"/> belongs to the body itself, not to a lambda or local function inside it.</summary>
        public static bool IsDirectlyIn(IOperation operation, IBlockOperation body)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current == body) return true;
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation) return false;
            }

            return false;
        }
    }
}
