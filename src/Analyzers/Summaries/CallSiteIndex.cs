using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// Every place in the compilation's source that may call a method, found by name: invocations
    /// (<c>Read(...)</c>, <c>s.Read(...)</c>, <c>s?.Read(...)</c>) and method groups handed to a call
    /// (<c>Parallel.For(0, n, Process)</c>). Built by one syntax walk of every tree, without binding,
    /// the first time a rule asks who calls a method; a name's candidates are then bound one by one
    /// (<see cref="CallerSearch"/>). Method summaries need the callers of only the few methods that
    /// allocate a large buffer, so binding by name keeps the cost to a walk of the syntax.
    /// </summary>
    internal sealed class CallSiteIndex
    {
        private static readonly IReadOnlyList<SyntaxNode> None = new SyntaxNode[0];
        private readonly Dictionary<string, List<SyntaxNode>> _byName;

        private CallSiteIndex(Dictionary<string, List<SyntaxNode>> byName)
        {
            _byName = byName;
        }

        /// <summary>The invocation expressions and method-group arguments naming <paramref name="name"/>, in tree order.</summary>
        public IReadOnlyList<SyntaxNode> Named(string name) => _byName.TryGetValue(name, out var nodes) ? nodes : None;

        public static CallSiteIndex Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var byName = new Dictionary<string, List<SyntaxNode>>(System.StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var root = tree.GetRoot(cancellationToken);
                foreach (var node in root.DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation:
                            Add(byName, CalledName(invocation.Expression), invocation);
                            break;
                        case ArgumentSyntax argument when argument.Expression is SimpleNameSyntax || argument.Expression is MemberAccessExpressionSyntax:
                            // A method group handed to a call (Parallel.For(0, n, Process)); mostly plain values, which bind to no method.
                            Add(byName, CalledName(argument.Expression), argument.Expression);
                            break;
                    }
                }
            }

            return new CallSiteIndex(byName);
        }

        /// <summary>The simple name an invocation's target ends in, or null (a delegate call through an expression).</summary>
        public static string? CalledName(ExpressionSyntax target)
        {
            switch (target)
            {
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static void Add(Dictionary<string, List<SyntaxNode>> byName, string? name, SyntaxNode node)
        {
            if (string.IsNullOrEmpty(name)) return;
            if (!byName.TryGetValue(name!, out var nodes)) byName[name!] = nodes = new List<SyntaxNode>();
            nodes.Add(node);
        }
    }
}
