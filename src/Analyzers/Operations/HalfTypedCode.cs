using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Code that does not compile yet — the statement being typed. A use of a buffer there says
    /// nothing about what the finished statement will do with it, so the rules ignore it rather than
    /// fear the worst: otherwise a diagnostic on a line above would go off and on with every key
    /// pressed on the next line (<c>source.Read(record</c> is an invalid call; <c>source.Read(record, 0, n)</c>
    /// is not). Once the statement compiles, its use counts as usual; a project that does not build
    /// gets no promise from the analyzers either way.
    /// </summary>
    internal static class HalfTypedCode
    {
        /// <summary>True when <paramref name="operation"/> lies in a statement with syntax errors or under an operation the compiler could not bind.</summary>
        public static bool Contains(IOperation operation)
        {
            for (IOperation? current = operation; current != null; current = current.Parent)
            {
                if (current is IInvalidOperation) return true;
            }

            var statement = operation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            return statement != null && statement.ContainsDiagnostics && !(statement is BlockSyntax);
        }
    }
}
