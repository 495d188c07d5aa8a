using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop
{
    /// <summary>
    /// <c>n = stream.Read(buffer, 0, count)</c> and its relatives (<c>Read(Span)</c>, <c>ReadAtLeast</c>,
    /// <c>buffer.AsSpan(0, count)</c>, and the awaited <c>ReadAsync</c>/<c>ReadAtLeastAsync</c>, with or
    /// without <c>ConfigureAwait</c>: the await completes the read before the next statement): a call
    /// whose contract (System.IO.Stream's) is to store bytes at the start of the buffer and return how
    /// many — so after it, the elements [0, n) hold this call's data whatever the buffer held before.
    /// </summary>
    internal sealed class StreamReadCall
    {
        private static readonly string[] ReadMethods = { "Read", "ReadAtLeast", "ReadAsync", "ReadAtLeastAsync" };

        private StreamReadCall(StatementSyntax statement, ILocalSymbol count, ArgumentSyntax bufferArgument, bool wholeArray)
        {
            Statement = statement;
            Count = count;
            BufferArgument = bufferArgument;
            WholeArray = wholeArray;
        }

        /// <summary><c>int n = …;</c> or <c>n = …;</c>.</summary>
        public StatementSyntax Statement { get; }

        /// <summary>The local that receives how many elements were stored.</summary>
        public ILocalSymbol Count { get; }

        /// <summary>The argument that passes the buffer (the reference to it is inside).</summary>
        public ArgumentSyntax BufferArgument { get; }

        /// <summary>True when the call may fill the array up to its own length (no explicit count): a rented array is longer than asked.</summary>
        public bool WholeArray { get; }

        /// <summary>The read call stored by <paramref name="statement"/>, when it reads into <paramref name="buffer"/>.</summary>
        public static StreamReadCall? Find(StatementSyntax statement, ILocalSymbol buffer, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax? value;
            ILocalSymbol? count;
            switch (statement)
            {
                case LocalDeclarationStatementSyntax declaration when declaration.Declaration.Variables.Count == 1 && declaration.Declaration.Variables[0].Initializer != null:
                    value = declaration.Declaration.Variables[0].Initializer!.Value;
                    count = model.GetDeclaredSymbol(declaration.Declaration.Variables[0], cancellationToken) as ILocalSymbol;
                    break;
                case ExpressionStatementSyntax expression when expression.Expression is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    value = assignment.Right;
                    count = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol as ILocalSymbol;
                    break;
                default:
                    return null;
            }

            if (count == null || count.IsRef || count.Type.SpecialType != SpecialType.System_Int32) return null;
            var call = Unwrap(value);
            if (call == null || call.ArgumentList.Arguments.Count == 0) return null;
            if (!(model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method) || !IsStreamRead(method)) return null;

            var argument = call.ArgumentList.Arguments[0];
            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.NameColon != null) return null;
            if (!PassesBuffer(argument.Expression, buffer, model, cancellationToken, out bool wholeArray)) return null;
            if (method.Parameters.Length > 1 && method.Parameters[1].Name == "offset")
            {
                // Read(byte[] buffer, int offset, int count): the data starts at offset, so it must be 0.
                if (call.ArgumentList.Arguments.Count < 3 || !IsZero(call.ArgumentList.Arguments[1].Expression, model, cancellationToken)) return null;
                wholeArray = false;
            }

            return new StreamReadCall(statement, count, argument, wholeArray);
        }

        /// <summary>The read call of <c>Read(…)</c>, <c>await ReadAsync(…)</c> or <c>await ReadAsync(…).ConfigureAwait(…)</c>.</summary>
        private static InvocationExpressionSyntax? Unwrap(ExpressionSyntax value)
        {
            value = WithoutParentheses(value);
            if (!(value is AwaitExpressionSyntax awaited)) return value as InvocationExpressionSyntax;
            // The count local is an int, so an un-awaited ReadAsync (a task) never gets this far.
            value = WithoutParentheses(awaited.Expression);
            if (value is InvocationExpressionSyntax configured && configured.Expression is MemberAccessExpressionSyntax access &&
                access.Name.Identifier.ValueText == "ConfigureAwait")
            {
                value = WithoutParentheses(access.Expression);
            }

            return value as InvocationExpressionSyntax;
        }

        private static ExpressionSyntax WithoutParentheses(ExpressionSyntax value)
        {
            while (value is ParenthesizedExpressionSyntax parenthesized) value = parenthesized.Expression;
            return value;
        }

        /// <summary>The method is Stream's Read family or an override of it (FileStream.Read, NetworkStream.ReadAsync…).</summary>
        private static bool IsStreamRead(IMethodSymbol method)
        {
            if (System.Array.IndexOf(ReadMethods, method.Name) < 0) return false;
            for (var current = method; current != null; current = current.OverriddenMethod)
            {
                var type = current.ContainingType;
                if (type?.Name == "Stream" && type.ContainingNamespace?.ToDisplayString() == "System.IO") return true;
            }

            return false;
        }

        /// <summary><c>buffer</c>, <c>buffer.AsSpan()</c>/<c>AsMemory()</c> (the whole array) or <c>buffer.AsSpan(0, n)</c>/<c>AsMemory(0, n)</c>.</summary>
        private static bool PassesBuffer(ExpressionSyntax expression, ILocalSymbol buffer, SemanticModel model, CancellationToken cancellationToken, out bool wholeArray)
        {
            wholeArray = true;
            if (IsLocal(expression, buffer, model, cancellationToken)) return true;
            if (!(expression is InvocationExpressionSyntax invocation) || !(invocation.Expression is MemberAccessExpressionSyntax access)) return false;
            string name = access.Name.Identifier.ValueText;
            if ((name != "AsSpan" && name != "AsMemory") || !IsLocal(access.Expression, buffer, model, cancellationToken)) return false;
            var arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count == 0) return true;
            wholeArray = false;
            return arguments.Count == 2 && IsZero(arguments[0].Expression, model, cancellationToken);
        }

        internal static bool IsLocal(ExpressionSyntax expression, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken) =>
            expression is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name &&
            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local);

        internal static bool IsZero(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            var constant = model.GetConstantValue(expression, cancellationToken);
            return constant.HasValue && constant.Value is int value && value == 0;
        }
    }
}
