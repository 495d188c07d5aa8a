using System;
using System.Collections.Immutable;
using AllocAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>
    /// Calls that cross into native code: methods declared with <c>[DllImport]</c> (or <c>extern</c>
    /// with P/Invoke metadata) or <c>[LibraryImport]</c>, and invocations of unmanaged function
    /// pointers. Also finds the length argument that goes with a buffer argument.
    /// </summary>
    internal static class NativeCalls
    {
        /// <summary>Parameter names that C APIs use for "how many bytes of the buffer you may touch".</summary>
        private static readonly string[] LengthNames = { "len", "length", "count", "size", "n", "nbytes", "nbyte", "cb", "bufsize", "buflen", "nmemb", "bytes", "num" };

        private static readonly string[] LengthSuffixes = { "Length", "Count", "Size", "Len", "Bytes" };

        /// <summary>True when the operation is a P/Invoke or an unmanaged function-pointer call.</summary>
        public static bool IsNativeCall(IOperation operation, WellKnownTypes types) => operation switch
        {
            IInvocationOperation invocation => IsNativeMethod(invocation.TargetMethod, types),
            IFunctionPointerInvocationOperation pointer => IsUnmanaged(pointer),
            _ => false,
        };

        public static bool IsNativeMethod(IMethodSymbol method, WellKnownTypes types)
        {
            if (method.GetDllImportData() != null) return true;
            foreach (var attribute in method.GetAttributes())
            {
                if (WellKnownTypes.Is(attribute.AttributeClass, types.DllImportAttribute) || WellKnownTypes.Is(attribute.AttributeClass, types.LibraryImportAttribute)) return true;
            }

            return false;
        }

        /// <summary>The native symbol a P/Invoke binds to: the EntryPoint when given, else the method name.</summary>
        public static string? EntryPoint(IMethodSymbol method, WellKnownTypes types)
        {
            var data = method.GetDllImportData();
            if (data != null) return data.EntryPointName ?? method.Name;
            foreach (var attribute in method.GetAttributes())
            {
                if (!WellKnownTypes.Is(attribute.AttributeClass, types.LibraryImportAttribute) && !WellKnownTypes.Is(attribute.AttributeClass, types.DllImportAttribute)) continue;
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "EntryPoint" && named.Value.Value is string entryPoint) return entryPoint;
                }

                return method.Name;
            }

            return null;
        }

        /// <summary>The arguments of a call or function-pointer call, in evaluation order.</summary>
        public static ImmutableArray<IArgumentOperation> Arguments(IOperation call) => call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IFunctionPointerInvocationOperation pointer => pointer.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        /// <summary>
        /// The length that goes with <paramref name="buffer"/>: the first later integer argument whose
        /// parameter is named like a length (<c>read(fd, buf, count)</c>, <c>recv(s, buf, len, flags)</c>,
        /// <c>memset(s, c, n)</c> skips <c>c</c>). Function-pointer parameters have no names, so there the
        /// argument right after the buffer counts when it is an integer, as in C's (buffer, length) order.
        /// </summary>
        public static IArgumentOperation? LengthArgumentFor(IArgumentOperation buffer)
        {
            var arguments = Arguments(buffer.Parent!);
            int index = arguments.IndexOf(buffer);
            if (index < 0) return null;
            bool unnamed = buffer.Parent is IFunctionPointerInvocationOperation;
            for (int i = index + 1; i < arguments.Length; i++)
            {
                var argument = arguments[i];
                if (!IsInteger(argument.Value.WithoutConversions().Type ?? argument.Value.Type)) continue;
                if (unnamed) return i == index + 1 ? argument : null;
                if (argument.Parameter != null && IsLengthName(argument.Parameter.Name)) return argument;
            }

            return null;
        }

        private static bool IsLengthName(string name)
        {
            foreach (string candidate in LengthNames)
            {
                if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase)) return true;
            }

            foreach (string suffix in LengthSuffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal)) return true;
            }

            return false;
        }

        private static bool IsInteger(ITypeSymbol? type)
        {
            switch (type?.SpecialType)
            {
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsUnmanaged(IFunctionPointerInvocationOperation invocation)
        {
            var type = invocation.Target.Type as IFunctionPointerTypeSymbol;
            return type != null && type.Signature.CallingConvention != System.Reflection.Metadata.SignatureCallingConvention.Default;
        }
    }
}
