using System.Threading;
using AllocAnalyzers.Infrastructure;
using AllocAnalyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AllocAnalyzers.Summaries
{
    /// <summary>
    /// What a method returns when it is an allocation wrapper: a fresh buffer made by one allocation
    /// (<see cref="BufferRecognizer"/>) that is the method's only return value, either directly
    /// (<c>=&gt; new byte[n]</c>, <c>return Marshal.AllocHGlobal(n);</c>) or through a local nothing
    /// else reads (<c>var b = new byte[n]; return b;</c>) — so the caller receives it exactly as
    /// allocated, zeroed or not. Its size is a constant or one of the method's parameters.
    /// </summary>
    internal sealed class ReturnedBuffer
    {
        private ReturnedBuffer(BufferAllocation allocation, int? countParameter)
        {
            Allocation = allocation;
            CountParameter = countParameter;
        }

        /// <summary>The allocation inside the wrapper.</summary>
        public BufferAllocation Allocation { get; }

        /// <summary>The ordinal of the parameter that gives the element count, or null when the count is not a parameter.</summary>
        public int? CountParameter { get; }

        public static ReturnedBuffer? Of(IMethodSymbol method, CompilationSummaries summaries, WellKnownTypes types, CancellationToken cancellationToken)
        {
            if (!(BodySyntax.Of(method) is { } syntax) || !BodySyntax.MayReturnAllocation(syntax)) return null;
            var body = MethodBodies.Of(method, summaries, cancellationToken);
            if (body == null) return null;
            IReturnOperation? only = null;
            foreach (var operation in body.Descendants())
            {
                if (!(operation is IReturnOperation ret) || !MethodBodies.IsDirectlyIn(ret, body)) continue;
                if (only != null || ret.Kind != OperationKind.Return || ret.ReturnedValue == null) return null;
                only = ret;
            }

            var value = only?.ReturnedValue?.WithoutConversions();
            if (value is ILocalReferenceOperation local) value = OnlyInitializer(local, body);
            var allocation = value == null ? null : BufferRecognizer.Recognize(value, types);
            if (allocation == null) return null;
            var count = allocation.CountOperation?.WithoutConversions() as IParameterReferenceOperation;
            int? countParameter = count != null && SymbolEqualityComparer.Default.Equals(count.Parameter.ContainingSymbol, method) ? count.Parameter.Ordinal : (int?)null;
            return new ReturnedBuffer(allocation, countParameter);
        }

        /// <summary>The allocation a returned local was initialized with, when the return is its only use.</summary>
        private static IOperation? OnlyInitializer(ILocalReferenceOperation returned, IBlockOperation body)
        {
            var index = OperationIndex.For(body.Root());
            if (index.References(returned.Local).Count != 1) return null;
            return index.Declarator(returned.Local)?.Initializer?.Value.WithoutConversions();
        }
    }
}
