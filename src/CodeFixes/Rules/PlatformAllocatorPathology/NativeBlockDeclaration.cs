using System.Linq;
using System.Threading;
using AllocAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.CodeFixes.Rules.PlatformAllocatorPathology
{
    /// <summary>
    /// The shape the ALLOC007 fix rewrites: <c>T* p = (T*)AllocZeroed(n);</c> as a statement of the
    /// loop's own body block (so it runs once per iteration), in a loop that stands in a block.
    /// </summary>
    internal sealed class NativeBlockDeclaration
    {
        private NativeBlockDeclaration(LocalDeclarationStatementSyntax statement, VariableDeclaratorSyntax declarator, ILocalSymbol local, BlockSyntax body, StatementSyntax loop)
        {
            Statement = statement;
            Declarator = declarator;
            Local = local;
            Body = body;
            Loop = loop;
        }

        public LocalDeclarationStatementSyntax Statement { get; }
        public VariableDeclaratorSyntax Declarator { get; }
        public ILocalSymbol Local { get; }
        public BlockSyntax Body { get; }
        public StatementSyntax Loop { get; }
        public string Name => Declarator.Identifier.ValueText;

        public static NativeBlockDeclaration? Find(SyntaxNode allocation, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode node = allocation;
            while (node.Parent is CastExpressionSyntax || node.Parent is ParenthesizedExpressionSyntax) node = node.Parent;
            if (!(node.Parent is EqualsValueClauseSyntax equals) || !(equals.Parent is VariableDeclaratorSyntax declarator)) return null;
            if (!(declarator.Parent is VariableDeclarationSyntax declaration) || declaration.Variables.Count != 1) return null;
            if (!(declaration.Parent is LocalDeclarationStatementSyntax statement) || !(statement.Parent is BlockSyntax body)) return null;
            if (statement.Modifiers.Any() || statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || declaration.Type is RefTypeSyntax) return null;
            var loop = LoopSyntax.InnermostLoop(statement);
            if (loop == null || body.Parent != loop || !(loop.Parent is BlockSyntax)) return null;
            if (!(model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)) return null;
            return new NativeBlockDeclaration(statement, declarator, local, body, loop);
        }

        /// <summary>True when the initializer names a local declared inside the loop (a const size, say).</summary>
        public bool NamesLoopLocal(SemanticModel model, CancellationToken cancellationToken) =>
            Declarator.Initializer!.Value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Select(n => model.GetSymbolInfo(n, cancellationToken).Symbol)
                .OfType<ILocalSymbol>()
                .Any(l => l.DeclaringSyntaxReferences.Any(r => Loop.Span.Contains(r.Span)));
    }
}
