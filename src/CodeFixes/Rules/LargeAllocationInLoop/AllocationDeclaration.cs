using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// The shape both ALLOC001 fixes need: <c>var buffer = &lt;allocation&gt;;</c> — one plain local
    /// (not const, using or ref) declared in a block by the flagged allocation.
    /// </summary>
    internal sealed class AllocationDeclaration
    {
        private AllocationDeclaration(LocalDeclarationStatementSyntax statement, BlockSyntax block, VariableDeclaratorSyntax declarator, ILocalSymbol local)
        {
            Statement = statement;
            Block = block;
            Declarator = declarator;
            Local = local;
        }

        public LocalDeclarationStatementSyntax Statement { get; }
        public BlockSyntax Block { get; }
        public VariableDeclaratorSyntax Declarator { get; }
        public ILocalSymbol Local { get; }
        public string Name => Declarator.Identifier.ValueText;

        public static AllocationDeclaration? Find(SyntaxNode allocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (!(allocation.Parent is EqualsValueClauseSyntax equals) || !(equals.Parent is VariableDeclaratorSyntax declarator)) return null;
            if (!(declarator.Parent is VariableDeclarationSyntax declaration) || declaration.Variables.Count != 1) return null;
            if (!(declaration.Parent is LocalDeclarationStatementSyntax statement) || !(statement.Parent is BlockSyntax block)) return null;
            if (statement.Modifiers.Any() || statement.UsingKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.UsingKeyword)) return null;
            if (declaration.Type is RefTypeSyntax) return null;
            if (!(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)) return null;
            return new AllocationDeclaration(statement, block, declarator, local);
        }

        /// <summary>Every identifier in <paramref name="scope"/> that refers to the declared local.</summary>
        public IdentifierNameSyntax[] References(SyntaxNode scope, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
            scope.DescendantNodes()
                .OfType<IdentifierNameSyntax>()
                .Where(n => n.Identifier.ValueText == Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, Local))
                .ToArray();
    }
}
