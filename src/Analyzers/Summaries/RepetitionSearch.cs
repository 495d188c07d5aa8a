using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// Answers "does this function run repeatedly, and why?" across method boundaries: it is called
    /// from a loop in another function, or from a function that runs repeatedly (up to
    /// <see cref="MaxDepth"/> calls away); it overrides a member callers run in loops; or it is a
    /// delegate an API runs per item (<see cref="RepeatingContracts"/>). The search goes breadth first,
    /// so the shortest chain names the repetition. In reach: source of this compilation; calls through
    /// delegates, reflection, events and other assemblies are not seen.
    /// </summary>
    internal static class RepetitionSearch
    {
        /// <summary>How many calls away from the allocating function a loop is still looked for.</summary>
        public const int MaxDepth = 3;

        /// <summary>Why the function containing <paramref name="operation"/> runs repeatedly, or null.</summary>
        public static RepeatedBy? ForFunctionOf(IOperation operation, ISymbol containingSymbol, CompilationSummaries summaries, CancellationToken cancellationToken)
        {
            switch (operation.EnclosingFunction())
            {
                case IAnonymousFunctionOperation lambda:
                    return PerItemRun(lambda, ImmutableArray.Create(RepeatedBy.LambdaName), summaries.Contracts);
                case ILocalFunctionOperation local:
                    return summaries.RepetitionOf(local.Symbol, cancellationToken);
                default:
                    return containingSymbol is IMethodSymbol method ? summaries.RepetitionOf(method, cancellationToken) : null;
            }
        }

        /// <summary>The search itself, for one method (cached per method by <see cref="CompilationSummaries"/>).</summary>
        public static RepeatedBy? Search(IMethodSymbol start, CompilationSummaries summaries, CancellationToken cancellationToken)
        {
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { start.OriginalDefinition };
            var queue = new Queue<(IMethodSymbol Method, ImmutableArray<string> Chain)>();
            queue.Enqueue((start, ImmutableArray.Create(NameOf(start))));
            while (queue.Count > 0)
            {
                var (method, chain) = queue.Dequeue();
                var contract = summaries.Contracts.RepeatedMemberImplementedBy(method);
                if (contract != null)
                {
                    chain = chain.SetItem(chain.Length - 1, method.ContainingType.Name + "." + method.Name);
                    return new RepeatedBy(RepetitionCause.Contract, chain, contract.ContainingType.Name + "." + contract.Name, null);
                }

                foreach (var site in summaries.CallersOf(method, cancellationToken))
                {
                    var found = AtSite(site, chain, summaries, cancellationToken, out var caller);
                    if (found != null) return found;
                    if (caller != null && chain.Length <= MaxDepth && visited.Add(caller.OriginalDefinition))
                    {
                        queue.Enqueue((caller, chain.Add(NameOf(caller))));
                    }
                }
            }

            return null;
        }

        /// <summary>The repetition a call site shows by itself, or null with the function it lies in (to search further).</summary>
        private static RepeatedBy? AtSite(CallSite site, ImmutableArray<string> chain, CompilationSummaries summaries, CancellationToken cancellationToken, out IMethodSymbol? caller)
        {
            caller = null;
            // Half-typed code proves nothing: a loop or call still being typed must not make a diagnostic appear and vanish.
            if (site.Node.ContainsDiagnostics) return null;
            var boundary = FunctionBoundary(site.Node);
            var loop = LoopSyntax.RepeatingLoop(site.Node);
            // A call guarded to run once (if (!_done) { Work(); _done = true; }) repeats nothing.
            if (OnceGuard.Encloses(site.Node, loop ?? boundary)) return null;
            if (loop != null)
            {
                if (loop.ContainsDiagnostics) return null;
                string origin = boundary is AnonymousFunctionExpressionSyntax ? "a lambda" : DeclaredName(boundary, site.Model, cancellationToken);
                return new RepeatedBy(RepetitionCause.CalledInLoop, chain, origin, loop.GetFirstToken().GetLocation());
            }

            if (site.IsMethodGroup && site.Node.Parent is ArgumentSyntax argument && argument.Parent?.Parent is InvocationExpressionSyntax api &&
                site.Model.GetSymbolInfo(api, cancellationToken).Symbol is IMethodSymbol apiMethod && summaries.Contracts.RunsDelegatePerItem(apiMethod))
            {
                return new RepeatedBy(RepetitionCause.PerItemDelegate, chain, ApiName(apiMethod), api.GetLocation());
            }

            switch (boundary)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return site.Model.GetOperation(lambda, cancellationToken) is IAnonymousFunctionOperation function
                        ? PerItemRun(function, chain.Add(RepeatedBy.LambdaName), summaries.Contracts)
                        : null;
                case LocalFunctionStatementSyntax _:
                case BaseMethodDeclarationSyntax _:
                    caller = site.Model.GetDeclaredSymbol(boundary, cancellationToken) as IMethodSymbol;
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A lambda handed straight to an API that runs it per item.</summary>
        private static RepeatedBy? PerItemRun(IAnonymousFunctionOperation lambda, ImmutableArray<string> chain, RepeatingContracts contracts)
        {
            IOperation? parent = lambda.Parent;
            while (parent is IDelegateCreationOperation || parent is IConversionOperation) parent = parent.Parent;
            if (!(parent is IArgumentOperation argument) || !(argument.Parent is IInvocationOperation invocation)) return null;
            return invocation.TargetMethod != null && contracts.RunsDelegatePerItem(invocation.TargetMethod)
                ? new RepeatedBy(RepetitionCause.PerItemDelegate, chain, ApiName(invocation.TargetMethod), invocation.Syntax.GetLocation())
                : null;
        }

        private static SyntaxNode? FunctionBoundary(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (LoopSyntax.IsFunctionBoundary(current)) return current;
            }

            return null;
        }

        private static string DeclaredName(SyntaxNode? boundary, SemanticModel model, CancellationToken cancellationToken)
        {
            var symbol = boundary == null ? null : model.GetDeclaredSymbol(boundary, cancellationToken);
            return symbol is IMethodSymbol method ? NameOf(method) : symbol?.Name ?? "its caller";
        }

        private static string NameOf(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Constructor || method.MethodKind == MethodKind.StaticConstructor ? "the " + method.ContainingType.Name + " constructor" : method.Name;

        private static string ApiName(IMethodSymbol api) => api.ContainingType.Name + "." + api.Name;
    }
}
