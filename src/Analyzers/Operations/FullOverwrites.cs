using System.Collections.Generic;
using AllocAnalyzers.Flow;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Recognizes an operation that stores into every element of a fresh buffer without reading it:
    /// <c>stream.ReadExactly(b)</c> (or <c>(b, 0, count)</c>), <c>src.CopyTo(b)</c>, <c>Array.Copy</c>,
    /// <c>Buffer.BlockCopy</c>, <c>Marshal.Copy(IntPtr, T[], 0, n)</c>, <c>Fill(x)</c>, and a loop storing
    /// every index (<see cref="ElementStoreLoop"/>). Coverage must be proven: the count is the buffer's own
    /// <c>Length</c>, the same constant as the allocation, the same unwritten variable that sized it, or,
    /// for copies, the source is the variable whose <c>Length</c> sized the allocation
    /// (<c>new byte[src.Length]</c> then <c>src.CopyTo(b)</c>). A <c>Read</c> that may return fewer bytes,
    /// or a copy of fewer elements, is not a full overwrite.
    /// </summary>
    internal static class FullOverwrites
    {
        /// <summary>The names of the methods <see cref="Overwrites"/> recognizes (its switch, not a second list of rules).</summary>
        private static readonly HashSet<string> OverwritingMethodNames = new HashSet<string> { "ReadExactly", "CopyTo", "Copy", "BlockCopy", "NextBytes", "Fill" };

        /// <summary>A call named as one of <see cref="Overwrites"/>'s or an element-store loop: what <see cref="Around"/> may return.</summary>
        public static bool IsCandidate(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => OverwritingMethodNames.Contains(invocation.TargetMethod.Name),
            IForLoopOperation loop => ElementStoreLoop.Recognize(loop) != null,
            _ => false,
        };

        /// <summary>The operation containing <paramref name="reference"/> (a use of a holding local) that overwrites the whole buffer, or null.</summary>
        public static IOperation? Around(IOperation reference, BufferAllocation memory, IReadOnlyCollection<ILocalSymbol> holders, WellKnownTypes types)
        {
            for (IOperation? node = reference.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case IInvocationOperation invocation when Overwrites(invocation, memory, holders, types):
                        return invocation;
                    case IForLoopOperation loop:
                        var store = ElementStoreLoop.Recognize(loop);
                        // Storing zeros is ALLOC002's case (a redundant clear), not data that makes the zeroing wasted.
                        return store != null && HoldingLocals.IsHolder(store.Buffer, holders, types) && !HoldingLocals.AreMentionedIn(store.Value, holders) && !ZeroValues.IsZero(store.Value) && Covers(store.Bound, false, memory, holders)
                            ? loop
                            : null;
                    case IBlockOperation block when !(block.Parent is IForLoopOperation):
                    case IMethodBodyOperation _:
                    case IAnonymousFunctionOperation _:
                    case ILocalFunctionOperation _:
                        return null;
                }
            }

            return null;
        }

        private static bool Overwrites(IInvocationOperation invocation, BufferAllocation memory, IReadOnlyCollection<ILocalSymbol> holders, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            var owner = method.ContainingType;
            var args = invocation.Arguments;
            switch (method.Name)
            {
                case "ReadExactly" when invocation.Instance != null && DerivesFrom(owner, types.Stream):
                    if (args.Length == 1) return HoldingLocals.IsHolder(invocation.ValueOf(0), holders, types);
                    return args.Length == 3 && HoldingLocals.IsHolder(invocation.ValueOf(0), holders, types) && IsZero(invocation.ValueOf(1)) && Covers(invocation.ValueOf(2), false, memory, holders);

                case "CopyTo" when invocation.Instance != null && (WellKnownTypes.Is(owner, types.Span) || WellKnownTypes.Is(owner, types.ReadOnlySpan)) && args.Length == 1:
                    return CopyCovers(invocation.Instance, invocation.ValueOf(0), memory, holders, types);
                case "CopyTo" when invocation.Instance != null && invocation.Instance.Type is IArrayTypeSymbol && args.Length == 2:
                    return IsZero(invocation.ValueOf(1)) && CopyCovers(invocation.Instance, invocation.ValueOf(0), memory, holders, types);
                case "CopyTo" when method.IsExtensionMethod && owner?.ToDisplayString() == "System.MemoryExtensions" && args.Length == 2:
                    return CopyCovers(invocation.ValueOf(0), invocation.ValueOf(1), memory, holders, types);

                case "Copy" when SymbolEqualityComparer.Default.Equals(owner, types.Array) && args.Length == 3:
                    return !HoldingLocals.AreMentionedIn(invocation.ValueOf(0), holders) && HoldingLocals.IsHolder(invocation.ValueOf(1), holders, types) && Covers(invocation.ValueOf(2), false, memory, holders);
                case "Copy" when SymbolEqualityComparer.Default.Equals(owner, types.Array) && args.Length == 5:
                    return !HoldingLocals.AreMentionedIn(invocation.ValueOf(0), holders) && HoldingLocals.IsHolder(invocation.ValueOf(2), holders, types) && IsZero(invocation.ValueOf(3)) && Covers(invocation.ValueOf(4), false, memory, holders);
                case "BlockCopy" when SymbolEqualityComparer.Default.Equals(owner, types.Buffer) && args.Length == 5:
                    return !HoldingLocals.AreMentionedIn(invocation.ValueOf(0), holders) && HoldingLocals.IsHolder(invocation.ValueOf(2), holders, types) && IsZero(invocation.ValueOf(3)) && Covers(invocation.ValueOf(4), true, memory, holders);
                case "Copy" when SymbolEqualityComparer.Default.Equals(owner, types.Marshal) && args.Length == 4 && method.Parameters[1].Type is IArrayTypeSymbol:
                    return !HoldingLocals.AreMentionedIn(invocation.ValueOf(0), holders) && HoldingLocals.IsHolder(invocation.ValueOf(1), holders, types) && IsZero(invocation.ValueOf(2)) && Covers(invocation.ValueOf(3), false, memory, holders);

                // Random.NextBytes fills every byte; only System.Random itself, since a subclass may override it.
                case "NextBytes" when invocation.Instance != null && SymbolEqualityComparer.Default.Equals(invocation.Instance.Type, types.Random) && args.Length == 1:
                    return memory.ElementSize == 1 && HoldingLocals.IsHolder(invocation.ValueOf(0), holders, types);
                case "Fill" when SymbolEqualityComparer.Default.Equals(owner, types.RandomNumberGenerator) && method.IsStatic && args.Length == 1:
                    return memory.ElementSize == 1 && HoldingLocals.IsHolder(invocation.ValueOf(0), holders, types);
                case "Fill" when invocation.Instance != null && WellKnownTypes.Is(owner, types.Span) && args.Length == 1:
                    return HoldingLocals.IsHolder(invocation.Instance, holders, types) && !HoldingLocals.AreMentionedIn(invocation.ValueOf(0), holders) && !ZeroValues.IsZero(invocation.ValueOf(0));
                case "Fill" when SymbolEqualityComparer.Default.Equals(owner, types.Array) && args.Length == 2:
                    return HoldingLocals.IsHolder(invocation.ValueOf(0), holders, types) && !HoldingLocals.AreMentionedIn(invocation.ValueOf(1), holders) && !ZeroValues.IsZero(invocation.ValueOf(1));
                default:
                    return false;
            }
        }

        /// <summary>A copy from <paramref name="source"/> into the whole buffer: the source is not the buffer, and its length is the buffer's.</summary>
        private static bool CopyCovers(IOperation source, IOperation destination, BufferAllocation memory, IReadOnlyCollection<ILocalSymbol> holders, WellKnownTypes types) =>
            HoldingLocals.IsHolder(destination, holders, types) && !HoldingLocals.AreMentionedIn(source, holders) && ProvableValues.IsLengthOf(memory.CountOperation, BufferOrigins.StripViews(source, types));

        /// <summary>True when <paramref name="count"/> (elements, or bytes) provably equals the size of the buffer.</summary>
        private static bool Covers(IOperation count, bool bytes, BufferAllocation memory, IReadOnlyCollection<ILocalSymbol> holders)
        {
            if (bytes && memory.ElementSize != 1)
            {
                long? constant = ConstantValues.TryGetInt64(count);
                return constant != null && constant == memory.Bytes;
            }

            if (HoldingLocals.IsLengthOf(count, holders)) return true;
            long? value = ConstantValues.TryGetInt64(count);
            if (value != null) return value == memory.ElementCount;
            return ProvableValues.AreEqual(count, memory.CountOperation);
        }

        private static bool IsZero(IOperation operation) => ConstantValues.TryGetInt64(operation) == 0;

        private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType)) return true;
            }

            return false;
        }
    }
}
