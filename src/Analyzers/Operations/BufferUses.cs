using System.Collections.Generic;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    internal enum BufferUseKind
    {
        /// <summary>Passed to a native call; <see cref="BufferUse.Extent"/> is its length argument when provable.</summary>
        NativeCall,

        /// <summary>Handed to <c>NativeMemory.Free</c>, <c>Marshal.FreeHGlobal</c> or <c>free</c>.</summary>
        Freed,

        /// <summary>Passed to a managed method that borrows it for the call (array, pointer, span parameter).</summary>
        Borrowed,

        /// <summary>A span over part of it: <c>new Span&lt;T&gt;(p, n)</c>, <c>AsSpan(start, n)</c>.</summary>
        View,

        /// <summary>One element read or written: <c>buffer[i]</c>, <c>p[i]</c>, <c>*p</c>.</summary>
        Element,

        /// <summary><c>buffer.Length</c> / <c>LongLength</c>: the value depends on the allocated size.</summary>
        Length,

        /// <summary>Anything else: stored, returned, captured, converted into something untracked.</summary>
        Other,
    }

    /// <summary>One use of a buffer and the bytes from its start it may touch (null: unknown, possibly all).</summary>
    internal sealed class BufferUse
    {
        public BufferUse(BufferUseKind kind, IOperation operation, long? extent, IArgumentOperation? argument = null)
        {
            Kind = kind;
            Operation = operation;
            Extent = extent;
            Argument = argument;
        }

        /// <summary>For calls and creations: the argument that passes the buffer.</summary>
        public IArgumentOperation? Argument { get; }

        public BufferUseKind Kind { get; }

        /// <summary>The call, creation or access that uses the buffer.</summary>
        public IOperation Operation { get; }

        /// <summary>Bytes from the start of the buffer this use can touch, or null when not provable.</summary>
        public long? Extent { get; }
    }

    /// <summary>
    /// Classifies every use of a local that holds a buffer (an array or a native pointer), following
    /// <c>fixed</c> pointers into the array they pin. Lengths given to native calls count in bytes
    /// (the C convention) — for arrays of wider elements that understates the extent only when the
    /// native API counts elements, and the rules use the extent as an upper bound of what is touched
    /// only for byte-sized elements.
    /// </summary>
    internal static class BufferUses
    {
        /// <summary>
        /// The uses of a freshly created buffer: through the local it is stored in, or — when it is
        /// passed straight to a call — that one use. Null when it goes anywhere else.
        /// </summary>
        public static List<BufferUse>? OfValue(IOperation value, WellKnownTypes types, out ILocalSymbol? local)
        {
            local = BufferLocals.Receiver(value);
            if (local != null) return Of(local, value, types);
            var parent = value.ParentSkippingConversions(out IOperation child);
            if (!(parent is IArgumentOperation)) return null;
            return new List<BufferUse> { Classify(child, child.Type ?? value.Type, types) };
        }

        public static List<BufferUse> Of(ILocalSymbol local, IOperation anchor, WellKnownTypes types)
        {
            var uses = new List<BufferUse>();
            Collect(local, anchor, types, uses, 0);
            return uses;
        }

        private static void Collect(ILocalSymbol local, IOperation anchor, WellKnownTypes types, List<BufferUse> uses, int depth)
        {
            foreach (var reference in BufferLocals.References(anchor, local))
            {
                if (LocalWrites.IsWrite(reference) && reference.IsDeclaration) continue;
                if (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
                {
                    uses.Add(new BufferUse(BufferUseKind.Other, assignment, null));
                    continue;
                }

                var pinned = PinnedPointer(reference);
                if (pinned != null && depth < 2)
                {
                    Collect(pinned, anchor, types, uses, depth + 1);
                    continue;
                }

                var alias = Alias(reference, anchor);
                if (alias != null && depth < 2)
                {
                    Collect(alias, anchor, types, uses, depth + 1);
                    continue;
                }

                uses.Add(Classify(reference, reference.Local.Type, types));
            }
        }

        /// <summary>
        /// A local declared from the buffer and never written again (<c>byte* b = (byte*)p;</c>,
        /// <c>var copy = buffer;</c>): its uses are the buffer's uses.
        /// </summary>
        private static ILocalSymbol? Alias(ILocalReferenceOperation reference, IOperation anchor)
        {
            var parent = reference.ParentSkippingConversions(out _);
            if (!(parent is IVariableInitializerOperation initializer) || !(initializer.Parent is IVariableDeclaratorOperation declarator)) return null;
            if (declarator.Symbol.IsRef || declarator.Syntax.Parent?.Parent is FixedStatementSyntax) return null;
            return BufferLocals.IsWrittenElsewhere(BufferLocals.References(anchor, declarator.Symbol), null) ? null : declarator.Symbol;
        }

        /// <summary>The pointer declared by <c>fixed (T* p = buffer)</c> or <c>fixed (T* p = &amp;buffer[0])</c>.</summary>
        private static ILocalSymbol? PinnedPointer(ILocalReferenceOperation reference)
        {
            IOperation? current = reference.Parent;
            if (current is IArrayElementReferenceOperation element && element.ArrayReference == reference &&
                element.Indices.Length == 1 && ConstantValues.TryGetInt64(element.Indices[0]) == 0 && element.Parent is IAddressOfOperation address)
            {
                current = address.Parent;
            }

            while (current != null && (current.Kind == OperationKind.None || current is IConversionOperation) && !(current.Syntax is ElementAccessExpressionSyntax))
            {
                if (current is IVariableInitializerOperation) break;
                current = current.Parent;
            }

            if (current is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator &&
                declarator.Syntax.Parent?.Parent is FixedStatementSyntax)
            {
                return declarator.Symbol;
            }

            return null;
        }

        private static BufferUse Classify(IOperation reference, ITypeSymbol? declaredType, WellKnownTypes types)
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
                    return new BufferUse(BufferUseKind.Length, property, null);
                case IOperation none when none.Kind == OperationKind.None && none.Syntax is ElementAccessExpressionSyntax access && WithoutParentheses(access.Expression) == child.Syntax && access.ArgumentList.Arguments.Count == 1:
                    return ElementUse(none, IndexOperation(none, child), elementSize);
                case IOperation none when none.Kind == OperationKind.None && none.Syntax is PrefixUnaryExpressionSyntax indirection && indirection.OperatorToken.Text == "*":
                    return IsAddressTaken(none) ? new BufferUse(BufferUseKind.Other, none, null) : new BufferUse(BufferUseKind.Element, none, elementSize);
                default:
                    return new BufferUse(BufferUseKind.Other, parent ?? reference, null);
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

        private static BufferUse ElementUse(IOperation access, IOperation? index, long elementSize)
        {
            if (IsAddressTaken(access)) return new BufferUse(BufferUseKind.Other, access, null);
            long? i = ConstantValues.TryGetInt64(index);
            long? extent = i == null || i < 0 || elementSize <= 0 ? (long?)null : (i.Value + 1) * elementSize;
            return new BufferUse(BufferUseKind.Element, access, extent);
        }

        /// <summary><c>&amp;p[i]</c> or <c>ref buffer[i]</c> hands out an interior pointer: untracked.</summary>
        private static bool IsAddressTaken(IOperation access)
        {
            var parent = access.Parent;
            if (parent is IAddressOfOperation) return true;
            return access.Syntax.Parent is RefExpressionSyntax || access.Syntax.Parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);
        }

        private static BufferUse Argument(IArgumentOperation argument, IOperation child, WellKnownTypes types, long elementSize)
        {
            var call = argument.Parent!;
            if (NativeFrees.FreedPointer(call, types) == child.WithoutConversions()) return new BufferUse(BufferUseKind.Freed, call, null, argument);
            if (NativeCalls.IsNativeCall(call, types))
            {
                // The length may count bytes (the C convention) or elements: take the larger reading.
                var length = NativeCalls.LengthArgumentFor(argument);
                long? count = length == null ? null : ConstantValues.TryGetInt64(length.Value);
                long? bytes = count == null || count < 0 || elementSize <= 0 ? null : count * System.Math.Max(1, elementSize);
                return new BufferUse(BufferUseKind.NativeCall, call, bytes, argument);
            }

            if (call is IObjectCreationOperation creation && IsSpan(creation.Type, types)) return SpanConstructor(creation, argument, elementSize);
            if (call is IInvocationOperation invocation && invocation.TargetMethod.Name == "AsSpan" && invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0)
            {
                return Slice(invocation, invocation.Arguments, 1, elementSize, argument);
            }

            if (call is IInvocationOperation borrowed && IsBorrowingType(argument.Parameter?.Type, types) && !ReturnsPointer(borrowed))
            {
                return new BufferUse(BufferUseKind.Borrowed, call, null, argument);
            }

            return new BufferUse(BufferUseKind.Other, call, null, argument);
        }

        /// <summary><c>new Span&lt;T&gt;(pointer, length)</c> or <c>new Span&lt;T&gt;(array, start, length)</c>.</summary>
        private static BufferUse SpanConstructor(IObjectCreationOperation creation, IArgumentOperation buffer, long bufferElementSize)
        {
            var args = creation.Arguments;
            if (args.Length == 2 && buffer.Parameter?.Ordinal == 0 && buffer.Value.WithoutConversions().Type?.TypeKind == TypeKind.Pointer)
            {
                long? count = ConstantValues.TryGetInt64(args[1].Value);
                long? spanElement = creation.Type is INamedTypeSymbol span && span.TypeArguments.Length == 1 ? TypeSizes.ElementSize(span.TypeArguments[0]) : null;
                return new BufferUse(BufferUseKind.View, creation, count == null || spanElement == null || count < 0 ? null : count * spanElement, buffer);
            }

            if (args.Length == 3 && buffer.Parameter?.Ordinal == 0) return Slice(creation, args, 1, bufferElementSize, buffer);
            return new BufferUse(BufferUseKind.View, creation, null, buffer);
        }

        /// <summary>A (start, length) pair of arguments at <paramref name="first"/>: the extent is start + length.</summary>
        private static BufferUse Slice(IOperation view, System.Collections.Immutable.ImmutableArray<IArgumentOperation> args, int first, long elementSize, IArgumentOperation buffer)
        {
            if (args.Length != first + 2 || elementSize <= 0) return new BufferUse(BufferUseKind.View, view, null, buffer);
            long? start = ConstantValues.TryGetInt64(args[first].Value);
            long? length = ConstantValues.TryGetInt64(args[first + 1].Value);
            bool provable = start != null && length != null && start >= 0 && length >= 0;
            return new BufferUse(BufferUseKind.View, view, provable ? (start + length) * elementSize : null, buffer);
        }

        private static bool IsSpan(ITypeSymbol? type, WellKnownTypes types) =>
            WellKnownTypes.Is(type, types.Span) || WellKnownTypes.Is(type, types.ReadOnlySpan);

        private static bool IsBorrowingType(ITypeSymbol? type, WellKnownTypes types)
        {
            if (type == null) return false;
            if (type is IArrayTypeSymbol || type.TypeKind == TypeKind.Pointer) return true;
            if (type.SpecialType == SpecialType.System_IntPtr || type.SpecialType == SpecialType.System_UIntPtr) return true;
            return IsSpan(type, types) || WellKnownTypes.Is(type, types.Memory) || WellKnownTypes.Is(type, types.ReadOnlyMemory);
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
