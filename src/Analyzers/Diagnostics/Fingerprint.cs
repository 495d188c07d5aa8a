using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>
    /// A finding's identity for baselines: the rule, the names of the enclosing types and member, and
    /// the flagged code with whitespace folded — never a line number, so a finding keeps its
    /// fingerprint when code above it moves. Hashed with 64-bit FNV-1a, which is the same on every
    /// runtime and process (string.GetHashCode is randomized per process).
    /// </summary>
    internal static class Fingerprint
    {
        private const ulong OffsetBasis = 14695981039346656037;
        private const ulong Prime = 1099511628211;

        public static string Of(string ruleId, SyntaxNode flagged)
        {
            var text = new StringBuilder(ruleId).Append('|');
            foreach (string name in EnclosingNames(flagged)) text.Append(name).Append('.');
            text.Append('|').Append(FoldWhitespace(flagged.ToString()));
            return Hash(text.ToString());
        }

        internal static string Hash(string text)
        {
            ulong hash = OffsetBasis;
            foreach (char c in text)
            {
                hash = (hash ^ (byte)c) * Prime;
                hash = (hash ^ (byte)(c >> 8)) * Prime;
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        /// <summary>Outermost first: namespace, types, then the member (method, property, local function, ...).</summary>
        private static IEnumerable<string> EnclosingNames(SyntaxNode node)
        {
            var names = new List<string>();
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                string? name = current switch
                {
                    BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
                    BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                    ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText + ".ctor",
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    OperatorDeclarationSyntax op => "op" + op.OperatorToken.ValueText,
                    AccessorDeclarationSyntax accessor => accessor.Keyword.ValueText,
                    _ => null,
                };
                if (name != null) names.Add(name);
            }

            names.Reverse();
            return names;
        }

        private static string FoldWhitespace(string text)
        {
            var folded = new StringBuilder(text.Length);
            bool space = false;
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = folded.Length > 0;
                    continue;
                }

                if (space) folded.Append(' ');
                space = false;
                folded.Append(c);
            }

            return folded.ToString();
        }
    }
}
