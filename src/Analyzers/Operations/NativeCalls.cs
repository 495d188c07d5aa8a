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
            if (!CanBeImport(method)) return false;
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
            if (!CanBeImport(method)) return null;
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

        /// <summary>
        /// [DllImport] and [LibraryImport] methods are static, non-generic methods (or, since C# 9, extern
        /// local functions). Checked first because the allocation recognizer asks about every call in
        /// the compilation, and reading a metadata method's attributes decodes them.
        /// </summary>
        private static bool CanBeImport(IMethodSymbol method) =>
            method.IsStatic && !method.IsGenericMethod && (method.MethodKind == MethodKind.Ordinary || method.MethodKind == MethodKind.LocalFunction);

        /// <summary>The arguments of a call or function-pointer call, in evaluation order.</summary>
        public static ImmutableArray<IArgumentOperation> Arguments(IOperation call) => call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IFunctionPointerInvocationOperation pointer => pointer.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        /// <summary>
        /// The length that goes with <paramref name="buffer"/>, found by the declared parameters, never by
        /// where an argument is written (named arguments may come in any order): the parameter that the
        /// buffer parameter's <c>[MarshalAs(SizeParamIndex = k)]</c> or <c>[MarshalUsing(CountElementName =
        /// "name")]</c> names; else the first later integer parameter named like a length
        /// (<c>read(fd, buf, count)</c>, <c>recv(s, buf, len, flags)</c>, <c>memset(s, c, n)</c> skips
        /// <c>c</c>). Function-pointer parameters have no names, so there the parameter right after the
        /// buffer counts when it is an integer, as in C's (buffer, length) order.
        /// </summary>
        public static IArgumentOperation? LengthArgumentFor(IArgumentOperation buffer)
        {
            var parameter = buffer.Parameter;
            if (parameter == null || buffer.Parent == null) return null;
            var arguments = Arguments(buffer.Parent);
            int? declared = DeclaredLengthOrdinal(parameter);
            if (declared != null) return IntegerArgumentFor(arguments, declared.Value);
            if (buffer.Parent is IFunctionPointerInvocationOperation) return IntegerArgumentFor(arguments, parameter.Ordinal + 1);

            IArgumentOperation? length = null;
            foreach (var argument in arguments)
            {
                var candidate = argument.Parameter;
                if (candidate == null || candidate.Ordinal <= parameter.Ordinal || !IsLengthName(candidate.Name) || !IsIntegerArgument(argument)) continue;
                if (length == null || candidate.Ordinal < length.Parameter!.Ordinal) length = argument;
            }

            return length;
        }

        /// <summary>
        /// The ordinal of the parameter that the buffer parameter's marshalling attribute declares as its
        /// element count: <c>MarshalAsAttribute.SizeParamIndex</c> (a zero-based parameter index) or the
        /// source-generated marshallers' <c>MarshalUsingAttribute.CountElementName</c> (a parameter name).
        /// </summary>
        private static int? DeclaredLengthOrdinal(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                string? name = attribute.AttributeClass?.ToDisplayString();
                if (name != "System.Runtime.InteropServices.MarshalAsAttribute" && name != "System.Runtime.InteropServices.Marshalling.MarshalUsingAttribute") continue;
                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "SizeParamIndex" && named.Value.Value is short index) return index;
                    if (named.Key == "CountElementName" && named.Value.Value is string countName && parameter.ContainingSymbol is IMethodSymbol method)
                    {
                        foreach (var other in method.Parameters)
                        {
                            if (other.Name == countName) return other.Ordinal;
                        }
                    }
                }
            }

            return null;
        }

        private static IArgumentOperation? IntegerArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            var argument = arguments.ForParameter(ordinal);
            return argument != null && IsIntegerArgument(argument) ? argument : null;
        }

        private static bool IsIntegerArgument(IArgumentOperation argument) => IsInteger(argument.Value.WithoutConversions().Type ?? argument.Value.Type);

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
