using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Operations
{
    /// <summary>Argument lookup that survives named arguments in any order.</summary>
    internal static class InvocationArguments
    {
        /// <summary>The value passed for the parameter at <paramref name="ordinal"/>.</summary>
        public static Microsoft.CodeAnalysis.IOperation ValueOf(this IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal) return argument.Value;
            }

            return invocation.Arguments[ordinal].Value;
        }

        /// <summary>The value passed for the parameter named <paramref name="name"/>, or null.</summary>
        public static Microsoft.CodeAnalysis.IOperation? ArgumentNamed(this IInvocationOperation invocation, string name)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == name) return argument.Value;
            }

            return null;
        }

        /// <summary>The argument passed for the parameter at <paramref name="ordinal"/>, wherever it is written; null when there is none.</summary>
        public static IArgumentOperation? ForParameter(this ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal) return argument;
            }

            return null;
        }
    }
}
