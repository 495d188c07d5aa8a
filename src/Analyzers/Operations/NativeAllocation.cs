using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    internal enum NativeAllocationKind
    {
        /// <summary><c>NativeMemory.AllocZeroed</c>: calloc.</summary>
        AllocZeroed,

        /// <summary><c>calloc</c> through P/Invoke.</summary>
        Calloc,

        /// <summary><c>NativeMemory.Alloc</c>: malloc, not zeroed.</summary>
        Alloc,

        /// <summary><c>Marshal.AllocHGlobal</c>: malloc (LocalAlloc on Windows), not zeroed.</summary>
        AllocHGlobal,
    }

    /// <summary>A native allocation call and, when provable, its size in bytes.</summary>
    internal sealed class NativeAllocation
    {
        private NativeAllocation(IInvocationOperation invocation, NativeAllocationKind kind, long? bytes)
        {
            Invocation = invocation;
            Kind = kind;
            Bytes = bytes;
        }

        public IInvocationOperation Invocation { get; }
        public NativeAllocationKind Kind { get; }

        /// <summary>The block size, or null when it cannot be proven.</summary>
        public long? Bytes { get; }

        /// <summary>True for calloc-style allocations, whose memory reads as zero.</summary>
        public bool Zeroed => Kind == NativeAllocationKind.AllocZeroed || Kind == NativeAllocationKind.Calloc;

        /// <summary>
        /// Recognizes <c>NativeMemory.AllocZeroed(n)</c>, <c>AllocZeroed(count, size)</c>, <c>NativeMemory.Alloc(n)</c>,
        /// <c>Alloc(count, size)</c>, <c>Marshal.AllocHGlobal(n)</c>, and a P/Invoke bound to <c>calloc(count, size)</c>.
        /// Aligned allocations are not recognized: they have no zeroed counterpart.
        /// </summary>
        public static NativeAllocation? Recognize(IOperation operation, WellKnownTypes types)
        {
            if (!(operation is IInvocationOperation invocation)) return null;
            var method = invocation.TargetMethod;
            var args = invocation.Arguments;
            if (types.NativeMemory != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.NativeMemory))
            {
                if (method.Name == "AllocZeroed") return Create(invocation, NativeAllocationKind.AllocZeroed);
                if (method.Name == "Alloc") return Create(invocation, NativeAllocationKind.Alloc);
                return null;
            }

            if (types.Marshal != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Marshal))
            {
                return method.Name == "AllocHGlobal" && args.Length == 1 ? Create(invocation, NativeAllocationKind.AllocHGlobal) : null;
            }

            if (args.Length == 2 && NativeCalls.EntryPoint(method, types) == "calloc") return Create(invocation, NativeAllocationKind.Calloc);
            return null;
        }

        /// <summary>
        /// The pointer a call frees: <c>NativeMemory.Free(p)</c>, <c>Marshal.FreeHGlobal(p)</c>, or a P/Invoke
        /// bound to <c>free(p)</c>; null for any other call.
        /// </summary>
        public static IOperation? FreedPointer(IOperation operation, WellKnownTypes types)
        {
            if (!(operation is IInvocationOperation invocation) || invocation.Arguments.Length != 1) return null;
            var method = invocation.TargetMethod;
            bool frees = method.Name == "Free" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.NativeMemory)
                || method.Name == "FreeHGlobal" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Marshal)
                || NativeCalls.EntryPoint(method, types) == "free";
            return frees ? invocation.Arguments[0].Value.WithoutConversions() : null;
        }

        private static NativeAllocation Create(IInvocationOperation invocation, NativeAllocationKind kind)
        {
            var args = invocation.Arguments;
            long? bytes = null;
            if (args.Length == 1)
            {
                bytes = ConstantValues.TryGetInt64(args[0].Value);
            }
            else if (args.Length == 2)
            {
                long? count = ConstantValues.TryGetInt64(args[0].Value);
                long? size = ConstantValues.TryGetInt64(args[1].Value);
                if (count != null && size != null && count >= 0 && size >= 0 && (size == 0 || count <= long.MaxValue / size)) bytes = count * size;
            }

            return new NativeAllocation(invocation, kind, bytes < 0 ? null : bytes);
        }
    }
}
