using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The initializer of a <c>readonly</c> field when it is the field's only value: a static readonly
    /// field that no static constructor assigns, or a readonly instance field of a class that no
    /// constructor or <c>init</c> accessor assigns (nor passes by <c>ref</c>/<c>out</c>). The language
    /// allows those writes only inside the field's own type, so its declarations (every partial part)
    /// are all there is to read. Struct fields are left out: <c>default(S)</c> skips the initializers.
    /// Fields of other assemblies have no initializer to read: only their <c>const</c> values are known.
    /// <para>
    /// The answer is kept per field for the compilation: analyzers run concurrently and ask about the
    /// same field from many methods, and finding it reads a whole type.
    /// </para>
    /// </summary>
    internal static class ReadonlyFieldInitializers
    {
        private static readonly ConditionalWeakTable<Compilation, Facts> PerCompilation = new ConditionalWeakTable<Compilation, Facts>();

        /// <summary>The bound initializer value of <paramref name="field"/> when nothing else writes it, else null.</summary>
        public static IOperation? OnlyValue(IFieldSymbol field, Compilation? compilation)
        {
            field = field.OriginalDefinition;
            if (compilation == null || !field.IsReadOnly || field.IsConst || field.DeclaringSyntaxReferences.Length != 1) return null;
            if (!field.IsStatic && field.ContainingType.TypeKind != TypeKind.Class) return null;
            var facts = PerCompilation.GetValue(compilation, c => new Facts(c));
            if (facts.Values.TryGetValue(field, out var known)) return known;
            return facts.Values.GetOrAdd(field, facts.Find(field));
        }

        private sealed class Facts
        {
            private readonly Compilation _compilation;
            private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<ExpressionSyntax>>?> _writes =
                new ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<ExpressionSyntax>>?>(SymbolEqualityComparer.Default);

            public Facts(Compilation compilation) => _compilation = compilation;

            public ConcurrentDictionary<IFieldSymbol, IOperation?> Values { get; } = new ConcurrentDictionary<IFieldSymbol, IOperation?>(SymbolEqualityComparer.Default);

            public IOperation? Find(IFieldSymbol field)
            {
                if (!(field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator) || declarator.Initializer == null) return null;
                if (!_compilation.ContainsSyntaxTree(declarator.SyntaxTree)) return null;
                var writes = _writes.GetOrAdd(field.ContainingType, WritesIn);
                if (writes == null) return null;
                if (writes.TryGetValue(field.Name, out var candidates) && candidates.Any(candidate => MayBe(field, candidate))) return null;
                return Model(declarator.SyntaxTree).GetOperation(declarator.Initializer.Value);
            }

            /// <summary>The names the type's declarations write; null when a part lies outside this compilation.</summary>
            private Dictionary<string, List<ExpressionSyntax>>? WritesIn(INamedTypeSymbol type)
            {
                var references = type.DeclaringSyntaxReferences;
                if (references.IsEmpty || references.Any(r => !_compilation.ContainsSyntaxTree(r.SyntaxTree))) return null;
                return WriteTargets.In(references.Select(r => r.GetSyntax()));
            }

            /// <summary>True unless the candidate provably binds to something else (unbound code counts as a write).</summary>
            private bool MayBe(IFieldSymbol field, ExpressionSyntax candidate)
            {
                var symbol = Model(candidate.SyntaxTree).GetSymbolInfo(candidate).Symbol;
                return symbol == null || SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, field);
            }

            /// <summary>
            /// A model of another tree: only for the tree declaring a size field and those holding a write
            /// named like it, once per field per compilation (the analysis context offers no model of them).
            /// </summary>
            private SemanticModel Model(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
        }
    }
}
