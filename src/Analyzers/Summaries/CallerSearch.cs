using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// The call sites of a method in the compilation's source: the <see cref="CallSiteIndex"/>
    /// candidates with its name (and the names of the source members it overrides or implements,
    /// since a call through them may dispatch to it), each bound to confirm the target.
    /// </summary>
    internal static class CallerSearch
    {
        /// <summary>
        /// A name with more candidate sites than this (a "Read" or "Add" called all over a large
        /// code base) is not searched: binding them all would cost more than the finding is worth, and
        /// methods with such common names are the ones least likely to be a private helper.
        /// </summary>
        public const int MaxCandidatesPerName = 2000;

        public static ImmutableArray<CallSite> Find(IMethodSymbol method, CompilationSummaries summaries, CancellationToken cancellationToken)
        {
            var targets = DispatchTargets(method);
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var target in targets) names.Add(target.Name);

            var index = summaries.CallSites(cancellationToken);
            var sites = ImmutableArray.CreateBuilder<CallSite>();
            foreach (var name in names)
            {
                var candidates = index.Named(name);
                if (candidates.Count > MaxCandidatesPerName) continue;
                foreach (var node in candidates)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var model = summaries.ModelFor(node.SyntaxTree);
                    var bound = Bound(model.GetSymbolInfo(node, cancellationToken));
                    if (bound != null && targets.Contains(bound)) sites.Add(new CallSite(node, model, !(node is InvocationExpressionSyntax)));
                }
            }

            return sites.ToImmutable();
        }

        /// <summary>The method itself and the source members a call may reach it through (virtual and interface dispatch).</summary>
        private static HashSet<IMethodSymbol> DispatchTargets(IMethodSymbol method)
        {
            var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method.OriginalDefinition };
            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                if (overridden.Locations.Length > 0 && overridden.Locations[0].IsInSource) targets.Add(overridden.OriginalDefinition);
            }

            var type = method.ContainingType;
            if (type == null || method.IsStatic) return targets;
            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.Locations.Length == 0 || !implemented.Locations[0].IsInSource) continue;
                foreach (var member in implemented.GetMembers())
                {
                    if (member is IMethodSymbol interfaceMethod && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                    {
                        targets.Add(interfaceMethod.OriginalDefinition);
                    }
                }
            }

            return targets;
        }

        private static IMethodSymbol? Bound(SymbolInfo info)
        {
            var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            if (!(symbol is IMethodSymbol method)) return null;
            return (method.ReducedFrom ?? method).OriginalDefinition;
        }
    }
}
