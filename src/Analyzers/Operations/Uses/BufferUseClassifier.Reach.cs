using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>The reach facet of <see cref="BufferUseClassifier"/>: the operation that first receives the buffer, and how many bytes from its start it can touch.</summary>
    internal static partial class BufferUseClassifier
    {
        /// <summary>The reach facet of a use: the operation that receives the buffer, and how far into it it can touch.</summary>
        private readonly struct Reach
        {
            public Reach(BufferUseKind kind, IOperation operation, long? extent, IArgumentOperation? argument = null)
            {
                Kind = kind;
                Operation = operation;
                Extent = extent;
                Argument = argument;
            }

            public BufferUseKind Kind { get; }
            public IOperation Operation { get; }
            public long? Extent { get; }
            public IArgumentOperation? Argument { get; }
        }

        private static Reach ReachOf(IOperation reference, ITypeSymbol? declaredType, WellKnownTypes types)
        {
            IOperation? parent = reference.ParentSkippingConversions(out IOperation child);
            var type = child.Type ?? declaredType;
            long elementSize = type == null ? -1 : ElementSize(type);
            switch (parent)
            {
                case IArgumentOperation argument when argument.Parameter?.RefKind == RefKind.None || argument.Parent is IFunctionPointerInvocationOperation:
                    return Argument(argument, child, types, elementSize);
                case IArrayElementReferenceOperation element when element.ArrayReference == child && element.Indices.Length == 1:
                    return ElementUse(element, element.Indices[0], elementSize);
                case IPropertyReferenceOperation property when property.Instance == child && (property.Property.Name == "Length" || property.Property.Name == "LongLength") && property.Property.ContainingType.SpecialType == SpecialType.System_Array:
                    return new Reach(BufferUseKind.Length, property, null);
                case IOperation none when none.Kind == OperationKind.None && none.Syntax is ElementAccessExpressionSyntax access && WithoutParentheses(access.Expression) == child.Syntax && access.ArgumentList.Arguments.Count == 1:
                    return ElementUse(none, IndexOperation(none, child), elementSize);
                case IOperation none when none.Kind == OperationKind.None && none.Syntax is PrefixUnaryExpressionSyntax indirection && indirection.OperatorToken.Text == "*":
                    return IsAddressTaken(none) ? new Reach(BufferUseKind.Other, none, null) : new Reach(BufferUseKind.Element, none, elementSize);
                default:
                    return new Reach(BufferUseKind.Other, parent ?? reference, null);
            }
        }

        private static SyntaxNode WithoutParentheses(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
            return expression;
        }

        private static IOperation? IndexOperation(IOperation access, IOperation pointer)
        {
            foreach (var child in access.ChildOperations)
            {
                if (child != pointer) return child;
            }

            return null;
        }

        private static Reach ElementUse(IOperation access, IOperation? index, long elementSize)
        {
            if (IsAddressTaken(access)) return new Reach(BufferUseKind.Other, access, null);
            long? i = ConstantValues.TryGetInt64(index);
            long? extent = i == null || i < 0 || elementSize <= 0 ? (long?)null : (i.Value + 1) * elementSize;
            return new Reach(BufferUseKind.Element, access, extent);
        }

        /// <summary><c>&amp;p[i]</c> or <c>ref buffer[i]</c> hands out an interior pointer: untracked.</summary>
        private static bool IsAddressTaken(IOperation access)
        {
            var parent = access.Parent;
            if (parent is IAddressOfOperation) return true;
            return access.Syntax.Parent is RefExpressionSyntax || access.Syntax.Parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);
        }

        private static Reach Argument(IArgumentOperation argument, IOperation child, WellKnownTypes types, long elementSize)
        {
            var call = argument.Parent!;
            if (NativeFrees.FreedPointer(call, types) == child.WithoutConversions()) return new Reach(BufferUseKind.Freed, call, null, argument);
            if (NativeCalls.IsNativeCall(call, types))
            {
                // The length may count bytes (the C convention) or elements: take the larger reading.
                var length = NativeCalls.LengthArgumentFor(argument);
                long? count = length == null ? null : ConstantValues.TryGetInt64(length.Value);
                long? bytes = count == null || count < 0 || elementSize <= 0 ? null : count * System.Math.Max(1, elementSize);
                return new Reach(BufferUseKind.NativeCall, call, bytes, argument);
            }

            if (call is IObjectCreationOperation creation && BufferViews.IsSpan(creation.Type, types)) return SpanConstructor(creation, argument, elementSize);
            if (call is IInvocationOperation invocation && invocation.TargetMethod.Name == "AsSpan" && invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0)
            {
                return Slice(invocation, invocation.Arguments, 1, elementSize, argument);
            }

            if (call is IInvocationOperation borrowed && IsBorrowingType(argument.Parameter?.Type, types) && !ReturnsPointer(borrowed))
            {
                return new Reach(BufferUseKind.Borrowed, call, null, argument);
            }

            return new Reach(BufferUseKind.Other, call, null, argument);
        }

        /// <summary><c>new Span&lt;T&gt;(pointer, length)</c> or <c>new Span&lt;T&gt;(array, start, length)</c>.</summary>
        private static Reach SpanConstructor(IObjectCreationOperation creation, IArgumentOperation buffer, long bufferElementSize)
        {
            var args = creation.Arguments;
            if (args.Length == 2 && buffer.Parameter?.Ordinal == 0 && buffer.Value.WithoutConversions().Type?.TypeKind == TypeKind.Pointer)
            {
                long? count = ConstantValues.TryGetInt64(args[1].Value);
                long? spanElement = creation.Type is INamedTypeSymbol span && span.TypeArguments.Length == 1 ? TypeSizes.ElementSize(span.TypeArguments[0]) : null;
                return new Reach(BufferUseKind.View, creation, count == null || spanElement == null || count < 0 ? null : count * spanElement, buffer);
            }

            if (args.Length == 3 && buffer.Parameter?.Ordinal == 0) return Slice(creation, args, 1, bufferElementSize, buffer);
            return new Reach(BufferUseKind.View, creation, null, buffer);
        }

        /// <summary>A (start, length) pair of arguments at <paramref name="first"/>: the extent is start + length.</summary>
        private static Reach Slice(IOperation view, System.Collections.Immutable.ImmutableArray<IArgumentOperation> args, int first, long elementSize, IArgumentOperation buffer)
        {
            if (args.Length != first + 2 || elementSize <= 0) return new Reach(BufferUseKind.View, view, null, buffer);
            long? start = ConstantValues.TryGetInt64(args[first].Value);
            long? length = ConstantValues.TryGetInt64(args[first + 1].Value);
            bool provable = start != null && length != null && start >= 0 && length >= 0;
            return new Reach(BufferUseKind.View, view, provable ? (start + length) * elementSize : null, buffer);
        }

        private static bool IsBorrowingType(ITypeSymbol? type, WellKnownTypes types)
        {
            if (type == null) return false;
            if (type is IArrayTypeSymbol || type.TypeKind == TypeKind.Pointer) return true;
            if (type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr) return true;
            return BufferViews.IsSpan(type, types) || WellKnownTypes.Is(type, types.Memory) || WellKnownTypes.Is(type, types.ReadOnlyMemory);
        }

        /// <summary>A call that returns a pointer or array may hand the buffer back (memcpy returns its destination).</summary>
        private static bool ReturnsPointer(IInvocationOperation invocation) =>
            invocation.Type != null && (invocation.Type.TypeKind == TypeKind.Pointer || invocation.Type is IArrayTypeSymbol) && !(invocation.Parent is IExpressionStatementOperation);

        /// <summary>Bytes per element of an array or typed pointer; 1 for void*, IntPtr and nint (byte addressing).</summary>
        private static long ElementSize(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array: return TypeSizes.ElementSize(array.ElementType) ?? -1;
                case IPointerTypeSymbol pointer: return pointer.PointedAtType.SpecialType == SpecialType.System_Void ? 1 : TypeSizes.ElementSize(pointer.PointedAtType) ?? -1;
                default: return 1;
            }
        }
    }
}
