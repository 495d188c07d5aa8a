using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Formatting;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// <c>ArrayPool&lt;byte&gt;.Shared</c> (SharedArrayPool): buckets of power-of-two lengths from 16 up to
    /// 2^30 elements (since .NET 6); a miss creates the array with GC.AllocateUninitializedArray; Return
    /// keeps it (per-thread slot plus 32 per partition in .NET 8) without clearing by default.
    /// </summary>
    public sealed class ArrayPoolModel
    {
        /// <summary>SharedArrayPool's largest pooled length (2^30 elements, .NET 6+).</summary>
        public const long MaxPooledLength = 1L << 30;

        /// <summary>Arrays kept per bucket: the thread-local slot plus one partition of 32.</summary>
        public const int PerBucket = 33;

        private readonly SimulationContext _context;
        private readonly ManagedHeap _heap;
        private readonly Dictionary<long, int> _available = new Dictionary<long, int>();
        private readonly Stack<long> _rented = new Stack<long>();

        public ArrayPoolModel(SimulationContext context, ManagedHeap heap)
        {
            _context = context;
            _heap = heap;
        }

        /// <summary>The array length a Rent of <paramref name="length"/> returns.</summary>
        public static long BucketLength(long length)
        {
            if (length > MaxPooledLength) return length;
            long size = 16;
            while (size < length) size <<= 1;
            return size;
        }

        /// <summary>Rents a byte array of at least <paramref name="length"/>.</summary>
        public void Rent(long length)
        {
            long bucket = BucketLength(length);
            _rented.Push(bucket);
            if (bucket <= MaxPooledLength && _available.TryGetValue(bucket, out int count) && count > 0)
            {
                _available[bucket] = count - 1;
                _context.Ledger.PoolRentReturn();
                _context.Ledger.Note("ArrayPool hit: a " + CostFormat.Bytes(bucket) + " array, old contents, nothing cleared");
                return;
            }

            _context.Ledger.Note("ArrayPool miss" + (bucket > MaxPooledLength ? " (above 2^30 elements, never pooled)" : string.Empty));
            _heap.AllocateArray(bucket, ManagedArrayKind.Uninitialized);
        }

        /// <summary>Returns the most recently rented array.</summary>
        public void Return()
        {
            if (_rented.Count == 0) throw new InvalidOperationException("return without a rented array");
            long bucket = _rented.Pop();
            if (bucket > MaxPooledLength) return;
            _available.TryGetValue(bucket, out int count);
            if (count < PerBucket) _available[bucket] = count + 1;
            _context.Ledger.Note("returned to the pool");
        }
    }
}
