using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// The shapes that give another view of the same memory — conversions to spans and memories,
    /// <c>AsSpan</c>/<c>AsMemory</c>/<c>Slice</c>, span constructors — and the element shapes of
    /// pointers, which the operation tree has no node for. Shared by everything that follows a
    /// buffer through its views (<see cref="BufferUseClassifier"/>, <see cref="BufferOrigins"/>).
    /// </summary>
    internal static class BufferViews
    {
        /// <summary>Span&lt;T&gt; or ReadOnlySpan&lt;T&gt;.</summary>
        public static bool IsSpan(ITypeSymbol? type, WellKnownTypes types) =>
            WellKnownTypes.Is(type, types.Span) || WellKnownTypes.Is(type, types.ReadOnlySpan);

        /// <summary>A struct that views memory it does not own: Span, ReadOnlySpan, Memory, ReadOnlyMemory, ArraySegment (of any T).</summary>
        public static bool IsViewType(ITypeSymbol? type, WellKnownTypes types) =>
            IsSpan(type, types) || WellKnownTypes.Is(type, types.Memory) || WellKnownTypes.Is(type, types.ReadOnlyMemory)
            || WellKnownTypes.Is(type, types.ArraySegment);

        /// <summary>ReadOnlySpan&lt;T&gt; or ReadOnlyMemory&lt;T&gt;: a view through which the holder only reads.</summary>
        public static bool IsReadOnlyView(ITypeSymbol? type, WellKnownTypes types) =>
            WellKnownTypes.Is(type, types.ReadOnlySpan) || WellKnownTypes.Is(type, types.ReadOnlyMemory);

        /// <summary>A conversion that keeps the same memory: any built-in one, T[] to Span/ReadOnlySpan/Memory, IntPtr to void*.</summary>
        public static bool IsTransparent(IConversionOperation conversion, WellKnownTypes types)
        {
            if (!conversion.Conversion.IsUserDefined) return true;
            // T[] -> Span<T>/ReadOnlySpan<T>/Memory<T>: a view of the same memory.
            var owner = conversion.OperatorMethod?.ContainingType;
            // IntPtr <-> void* (user-defined before C# 11's numeric IntPtr): the same address.
            if (owner != null && (owner.SpecialType == SpecialType.System_IntPtr || owner.SpecialType == SpecialType.System_UIntPtr)) return true;
            return WellKnownTypes.Is(owner, types.Span) || WellKnownTypes.Is(owner, types.ReadOnlySpan)
                || WellKnownTypes.Is(owner, types.Memory) || WellKnownTypes.Is(owner, types.ReadOnlyMemory);
        }

        /// <summary><c>p[i]</c> or <c>*p</c> with the pointer as the operand (the graph has no dedicated operation for them).</summary>
        public static bool IsPointerElement(SyntaxNode syntax, SyntaxNode operand) =>
            (syntax is ElementAccessExpressionSyntax access && access.Expression == operand) ||
            (syntax is PrefixUnaryExpressionSyntax unary && unary.IsKind(SyntaxKind.PointerIndirectionExpression) && unary.Operand == operand);

        /// <summary>Instance methods that return a view of the same memory.</summary>
        public static bool IsViewMethod(IMethodSymbol method) =>
            (method.Name == "Slice" || method.Name == "AsSpan" || method.Name == "AsMemory") && !method.ReturnsByRef;

        /// <summary><c>b.AsSpan(...)</c> (the extension's receiver), <c>new Span&lt;T&gt;(b...)</c>, <c>new Span&lt;T&gt;(p, n)</c>: views of the buffer.</summary>
        public static bool IsViewConstruction(IArgumentOperation argument, WellKnownTypes types)
        {
            switch (argument.Parent)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    return method.IsExtensionMethod && argument.Parameter?.Ordinal == 0
                        && (method.Name == "AsSpan" || method.Name == "AsMemory")
                        && method.ContainingType.ToDisplayString() == "System.MemoryExtensions";
                case IObjectCreationOperation creation:
                    return creation.Arguments.Length > 0 && creation.Arguments[0] == argument && IsViewType(creation.Type, types);
                default:
                    return false;
            }
        }
    }
}
