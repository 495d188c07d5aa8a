using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Whether <c>[SkipLocalsInit]</c> is in effect at a point of the code. The compiler omits
    /// <c>.locals init</c> (so the JIT does not zero stackalloc memory) for a method carrying the
    /// attribute and for every function nested in it — local functions and lambdas included
    /// (dotnet/roslyn docs/features/skiplocalsinit.md, rule 3) — for every method of a type carrying
    /// it, at any nesting depth, and for the whole module with <c>[module: SkipLocalsInit]</c>. On a
    /// property or event it covers the accessors. The attribute is matched by full name, so a
    /// project's own copy (for older target frameworks) counts, as it does for the compiler.
    /// </summary>
    internal static class SkipLocalsInitScope
    {
        public const string AttributeName = "System.Runtime.CompilerServices.SkipLocalsInitAttribute";

        /// <summary>True when the code at <paramref name="operation"/> is compiled without <c>.locals init</c>.</summary>
        public static bool AppliesAt(IOperation operation)
        {
            var model = operation.SemanticModel;
            if (model == null) return false;
            var symbol = model.GetEnclosingSymbol(operation.Syntax.SpanStart);
            return AppliesTo(symbol, model.Compilation);
        }

        /// <summary>True when <paramref name="symbol"/> (a method, lambda, local function or type) or anything containing it carries the attribute.</summary>
        public static bool AppliesTo(ISymbol? symbol, Compilation compilation)
        {
            for (var current = symbol; current != null; current = current.ContainingSymbol)
            {
                if (current is INamespaceSymbol) break;
                if (HasAttribute(current)) return true;
                if (current is IMethodSymbol method && method.AssociatedSymbol != null && HasAttribute(method.AssociatedSymbol)) return true;
            }

            return HasAttribute(compilation.SourceModule);
        }

        private static bool HasAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == AttributeName) return true;
            }

            return false;
        }
    }
}
