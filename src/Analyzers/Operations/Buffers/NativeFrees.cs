using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>Calls that give a native block back: <c>NativeMemory.Free</c>, <c>Marshal.FreeHGlobal</c>, <c>Marshal.FreeCoTaskMem</c>, a P/Invoke bound to <c>free</c>.</summary>
    internal static class NativeFrees
    {
        /// <summary>The pointer the call frees (conversions removed), or null for any other call.</summary>
        public static IOperation? FreedPointer(IOperation operation, WellKnownTypes types)
        {
            if (!(operation is IInvocationOperation invocation) || invocation.Arguments.Length != 1) return null;
            var method = invocation.TargetMethod;
            bool frees = method.Name == "Free" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.NativeMemory)
                || (method.Name == "FreeHGlobal" || method.Name == "FreeCoTaskMem") && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Marshal)
                || NativeCalls.EntryPoint(method, types) == "free";
            return frees ? invocation.Arguments[0].Value.WithoutConversions() : null;
        }
    }
}
