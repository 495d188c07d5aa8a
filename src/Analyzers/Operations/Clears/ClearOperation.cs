using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Operations.Clears
{
    /// <summary>An operation that stores zero into a range of a buffer, and nothing else.</summary>
    internal sealed class ClearOperation
    {
        public ClearOperation(IOperation operation, IOperation buffer, IOperation? start, IOperation? count, bool countInBytes, IOperation flowPoint, bool throwsWhenEmpty = false, IOperation? value = null)
        {
            Value = value;
            ThrowsWhenEmpty = throwsWhenEmpty;
            Operation = operation;
            Buffer = buffer;
            Start = start;
            Count = count;
            CountInBytes = countInBytes;
            FlowPoint = flowPoint;
        }

        /// <summary>The clearing call, or the zeroing <c>for</c> loop.</summary>
        public IOperation Operation { get; }

        /// <summary>The operand that names the buffer: an array, a span, or a pointer.</summary>
        public IOperation Buffer { get; }

        /// <summary>The value stored (a fill's argument), or null when the operation can only store zero (<c>Clear()</c>).</summary>
        public IOperation? Value { get; }

        /// <summary>The first element cleared; null for the start of the buffer.</summary>
        public IOperation? Start { get; }

        /// <summary>How many elements (bytes when <see cref="CountInBytes"/>) are cleared; null for the whole buffer.</summary>
        public IOperation? Count { get; }

        public bool CountInBytes { get; }

        /// <summary>True when the clear itself throws on an empty buffer (<c>ref b[0]</c>): removing it is exact only when the buffer is provably not empty.</summary>
        public bool ThrowsWhenEmpty { get; }

        /// <summary>The operation at which the clear starts, for flow questions (the loop's initializer for a loop).</summary>
        public IOperation FlowPoint { get; }
    }
}
