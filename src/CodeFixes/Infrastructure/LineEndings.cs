using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AllocAnalyzers.CodeFixes.Infrastructure
{
    /// <summary>
    /// The line ending a document already uses, for the statements a fix inserts: a fixed CRLF or LF
    /// would mix endings in files that use the other (and the formatter keeps what it is given).
    /// </summary>
    internal static class LineEndings
    {
        /// <summary>An elastic end of line like the first one in <paramref name="node"/>'s document (a line feed when it has none).</summary>
        public static SyntaxTrivia Of(SyntaxNode node)
        {
            var first = node.SyntaxTree.GetRoot().DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            string text = first.IsKind(SyntaxKind.EndOfLineTrivia) ? first.ToString() : "\n";
            return SyntaxFactory.ElasticEndOfLine(text);
        }
    }
}
