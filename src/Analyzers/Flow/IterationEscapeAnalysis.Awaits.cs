using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Flow
{
    /// <summary>
    /// Calls that return an awaitable (<c>Task</c>, <c>ValueTask</c>, anything with a
    /// <c>GetAwaiter()</c>) may still be using the buffer when they return: the operation runs on
    /// until the awaitable completes.
    /// </summary>
    internal sealed partial class IterationEscapeAnalysis
    {
        /// <summary>
        /// The buffer is free again only when the awaitable is completed at once: awaited where it
        /// is produced (through <c>ConfigureAwait</c>), or waited for with <c>GetAwaiter().GetResult()</c>,
        /// <c>.Result</c> or <c>.Wait()</c>. What that produces is then judged by its own type
        /// (<c>await stream.ReadAsync(buffer, …)</c> gives an int: no escape). Every other use of the
        /// awaitable counts as an escape: stored (in a local, a field, a list), discarded
        /// (<c>_ = …</c> or a statement of its own), returned, passed on (<c>Task.WhenAll</c>).
        /// A task kept in a local and awaited later in the same iteration is treated as an escape
        /// too: proving that every path of the iteration awaits it would take a flow analysis of
        /// the task, and an iteration that skips the await leaves the buffer in use.
        /// </summary>
        private bool PendingEscapes(IOperation awaitable)
        {
            IOperation? parent = awaitable.ParentSkippingConversions(out IOperation child);
            switch (parent)
            {
                case IAwaitOperation awaited:
                    return ReturnsView(awaited.Type) && Escapes(awaited);
                case IInvocationOperation call when call.Instance == child && call.Arguments.Length <= 1 && call.TargetMethod.Name == "ConfigureAwait":
                    return !IsAwaitable(call.Type) || PendingEscapes(call);
                case IInvocationOperation call when call.Instance == child && call.Arguments.Length == 0 && call.TargetMethod.Name == "Wait":
                    return !(call.Parent is IExpressionStatementOperation);
                case IPropertyReferenceOperation result when result.Instance == child && result.Property.Name == "Result":
                    return ReturnsView(result.Type) && Escapes(result);
                case IInvocationOperation call when call.Instance == child && call.Arguments.Length == 0 && call.TargetMethod.Name == "GetAwaiter":
                    return !(call.ParentSkippingConversions(out IOperation awaiter) is IInvocationOperation getResult
                             && getResult.Instance == awaiter && getResult.Arguments.Length == 0 && getResult.TargetMethod.Name == "GetResult")
                        || (ReturnsView(getResult.Type) && Escapes(getResult));
                default:
                    return true;
            }
        }

        /// <summary>A type with a parameterless instance <c>GetAwaiter()</c> (the pattern <c>await</c> binds; extension awaiters are not followed).</summary>
        private static bool IsAwaitable(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("GetAwaiter"))
                {
                    if (member is IMethodSymbol method && !method.IsStatic && method.Parameters.Length == 0) return true;
                }
            }

            return false;
        }
    }
}
