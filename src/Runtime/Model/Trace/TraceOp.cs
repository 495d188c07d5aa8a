using System.Collections.Generic;
using System.Linq;
using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Runtime.Model.Trace
{
    /// <summary>One step of an allocation trace, or a repeated group of steps.</summary>
    public sealed class TraceOp
    {
        private TraceOp(TraceOpKind kind, long size, long count, IReadOnlyList<TraceOp> body)
        {
            Kind = kind;
            Size = size;
            Count = count;
            Body = body;
        }

        public TraceOpKind Kind { get; }

        /// <summary>Bytes for sized operations, else 0.</summary>
        public long Size { get; }

        /// <summary>Repetitions, for <see cref="TraceOpKind.Repeat"/>.</summary>
        public long Count { get; }

        public IReadOnlyList<TraceOp> Body { get; }

        public static TraceOp Sized(TraceOpKind kind, long size) => new TraceOp(kind, size, 0, new TraceOp[0]);

        public static TraceOp Plain(TraceOpKind kind) => new TraceOp(kind, 0, 0, new TraceOp[0]);

        public static TraceOp Repeat(IReadOnlyList<TraceOp> body, long count) => new TraceOp(TraceOpKind.Repeat, 0, count, body);

        /// <summary>True for operations that take a size.</summary>
        public static bool TakesSize(TraceOpKind kind) =>
            kind != TraceOpKind.Free && kind != TraceOpKind.Return && kind != TraceOpKind.Repeat;

        /// <summary>The operation in trace syntax, e.g. "calloc 100 MiB" or "(calloc 100 MiB; free) x 10,000".</summary>
        public override string ToString()
        {
            if (Kind == TraceOpKind.Repeat) return "(" + string.Join("; ", Body.Select(b => b.ToString())) + ") x " + CostFormat.Count(Count);
            string name = TraceSyntax.NameOf(Kind);
            return TakesSize(Kind) ? name + " " + CostFormat.Bytes(Size) : name;
        }
    }
}
