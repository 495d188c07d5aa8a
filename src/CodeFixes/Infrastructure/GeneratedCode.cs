using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// Builds code from fully qualified text and lets the simplifier, import adder and formatter
    /// turn it into what a person would write in that file (<c>Array.Clear</c> with <c>using System;</c>).
    /// </summary>
    internal static class GeneratedCode
    {
        public static StatementSyntax Statement(string text) =>
            Annotate(SyntaxFactory.ParseStatement(text));

        public static ExpressionSyntax Expression(string text) =>
            Annotate(SyntaxFactory.ParseExpression(text));

        public static T Annotate<T>(T node) where T : SyntaxNode =>
            node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);

        /// <summary>The fully qualified C# name of a type, for generated code.</summary>
        public static string TypeName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }
}
