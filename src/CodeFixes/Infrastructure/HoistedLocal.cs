using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>Checks shared by the fixes that move a local's declaration out of a loop.</summary>
    internal static class HoistedLocal
    {
        /// <summary>
        /// The hoisted local must not collide with another declaration of the same name in the scope
        /// it moves to, nor capture a same-named field or local used around the loop.
        /// </summary>
        public static bool HasNameConflict(ILocalSymbol local, VariableDeclaratorSyntax declarator, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
        {
            string name = declarator.Identifier.ValueText;
            if (model.LookupSymbols(loop.SpanStart, name: name).Any(s => !SymbolEqualityComparer.Default.Equals(s, local))) return true;

            SyntaxNode scope = loop.Parent is BlockSyntax || loop.Parent is SwitchSectionSyntax ? loop.Parent : loop;
            foreach (var token in scope.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name) continue;
                if (token.Parent == declarator) continue;
                if (token.Parent is IdentifierNameSyntax identifier && loop.Span.Contains(identifier.Span) &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                return true;
            }

            return false;
        }
    }
}
