using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Profiling.AddressMap;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>
    /// The buckets the address map names: one per (site, block size), as Go keys its heap-profile
    /// buckets by stack and size (runtime/mprof.go, stkbucket). The map then keeps only a bucket
    /// id per block, and a free — which, through NativeMemory.Free, does not say the size — learns
    /// the size from the bucket. Sites allocating one size (the usual case: a fixed buffer) share
    /// one bucket for all their blocks; a bucket is counted by the live blocks naming it and its id
    /// is reused once none does, so buckets never outnumber live sampled blocks.
    /// </summary>
    /// <remarks>Called only on sampled allocations and frees (one per 512 KiB by default): one lock.</remarks>
    internal sealed class SiteSizeBuckets
    {
        private const int NoFree = -1;

        private readonly object _gate = new object();
        private readonly Dictionary<(int Site, long Size), int> _ids = new Dictionary<(int Site, long Size), int>();
        private int[] _sites = new int[16]; // for a free id: the next free id
        private long[] _sizes = new long[16];
        private int[] _live = new int[16];
        private int _issued;
        private int _free = NoFree;

        /// <summary>The bucket of <paramref name="size"/>-byte blocks from site <paramref name="site"/>, for one more live block.</summary>
        public int Acquire(int site, long size)
        {
            var key = (site, size);
            lock (_gate)
            {
                if (_ids.TryGetValue(key, out var id))
                {
                    _live[id]++;
                    return id;
                }

                id = _free != NoFree ? TakeFree() : Issue();
                _sites[id] = site;
                _sizes[id] = size;
                _live[id] = 1;
                _ids.Add(key, id);
                return id;
            }
        }

        /// <summary>One block of bucket <paramref name="id"/> is freed: its site and size.</summary>
        public (int Site, long Size) Release(int id)
        {
            lock (_gate)
            {
                var site = _sites[id];
                var size = _sizes[id];
                if (--_live[id] == 0)
                {
                    _ids.Remove((site, size));
                    _sites[id] = _free;
                    _free = id;
                }

                return (site, size);
            }
        }

        /// <summary>Buckets in use.</summary>
        public int Count
        {
            get
            {
                lock (_gate) return _ids.Count;
            }
        }

        /// <summary>The three arrays, and the id dictionary estimated from its layout: per bucket an
        /// entry (hash, next, 16-byte key, id: 32 bytes) and a 4-byte bucket index.</summary>
        public long Bytes
        {
            get
            {
                lock (_gate)
                {
                    long capacity = _sites.Length;
                    return 3 * ClrObjectLayout.AlignToPointer(ClrObjectLayout.ArrayHeaderBytes)
                        + ClrObjectLayout.AlignToPointer(capacity * (sizeof(int) + sizeof(long) + sizeof(int)))
                        + ClrObjectLayout.InstanceBytes(80) + 36L * _ids.Count;
                }
            }
        }

        private int TakeFree()
        {
            var id = _free;
            _free = _sites[id];
            return id;
        }

        private int Issue()
        {
            if (_issued == _sites.Length)
            {
                var capacity = _sites.Length * 2;
                Array.Resize(ref _sites, capacity);
                Array.Resize(ref _sizes, capacity);
                Array.Resize(ref _live, capacity);
            }

            return _issued++;
        }
    }
}
