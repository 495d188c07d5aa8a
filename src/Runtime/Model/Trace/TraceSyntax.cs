using System;
using System.Collections.Generic;
using System.Linq;

namespace AllocAnalyzers.Runtime.Model.Trace
{
    /// <summary>The words of the trace language and what they mean, shared by the parser and --help.</summary>
    public static class TraceSyntax
    {
        private static readonly (string Name, TraceOpKind Kind, string Meaning)[] Ops =
        {
            ("malloc", TraceOpKind.Malloc, "native allocation, not cleared"),
            ("calloc", TraceOpKind.Calloc, "native zero-filled allocation"),
            ("realloc", TraceOpKind.Realloc, "resize the most recent live native block (moves it)"),
            ("free", TraceOpKind.Free, "free the most recent live native block"),
            ("touch", TraceOpKind.Touch, "write the first SIZE bytes of the most recent native block"),
            ("read", TraceOpKind.Read, "read the first SIZE bytes of the most recent native block"),
            ("new", TraceOpKind.New, ".NET new byte[SIZE] (zeroed; dies at once)"),
            ("uninit", TraceOpKind.Uninit, ".NET GC.AllocateUninitializedArray<byte>(SIZE)"),
            ("pinned", TraceOpKind.Pinned, ".NET GC.AllocateArray<byte>(SIZE, pinned: true)"),
            ("pinned-uninit", TraceOpKind.PinnedUninit, ".NET GC.AllocateUninitializedArray<byte>(SIZE, pinned: true)"),
            ("rent", TraceOpKind.Rent, ".NET ArrayPool<byte>.Shared.Rent(SIZE)"),
            ("return", TraceOpKind.Return, ".NET ArrayPool<byte>.Shared.Return of the last rented array"),
            ("clear", TraceOpKind.Clear, ".NET Array.Clear of a live (hoisted) SIZE-byte buffer"),
        };

        /// <summary>Size units: decimal (KB = 1000) and binary (KiB = 1024).</summary>
        public static IReadOnlyList<(string Unit, long Factor)> Units { get; } = new[]
        {
            ("B", 1L), ("KB", 1000L), ("MB", 1000L * 1000), ("GB", 1000L * 1000 * 1000), ("TB", 1000L * 1000 * 1000 * 1000),
            ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        };

        public static IEnumerable<(string Name, string Meaning)> Operations => Ops.Select(o => (o.Name, o.Meaning));

        public static string OperationNames => string.Join(", ", Ops.Select(o => o.Name));

        public static string UnitNames => string.Join(", ", Units.Select(u => u.Unit));

        public static bool TryOperation(string word, out TraceOpKind kind)
        {
            foreach (var op in Ops)
            {
                if (string.Equals(op.Name, word, StringComparison.OrdinalIgnoreCase))
                {
                    kind = op.Kind;
                    return true;
                }
            }

            kind = default;
            return false;
        }

        public static string NameOf(TraceOpKind kind) => Ops.First(o => o.Kind == kind).Name;

        public static bool TryUnit(string word, out long factor)
        {
            foreach (var u in Units)
            {
                if (string.Equals(u.Unit, word, StringComparison.OrdinalIgnoreCase))
                {
                    factor = u.Factor;
                    return true;
                }
            }

            factor = 0;
            return false;
        }
    }
}
