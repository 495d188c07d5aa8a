using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AllocAnalyzers.Runtime.Profiling.Sampling;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>
    /// Native allocations for interop code, sampled by bytes and attributed to the calling
    /// method. A sampled block goes into the address map with its bucket — its site and size, as
    /// Go's buckets (<see cref="SiteSizeBuckets"/>) — so that its free finds the site and the size
    /// again: live and total bytes per site, as Go's heap profile.
    /// </summary>
    /// <remarks>
    /// The site costs nothing at run time: [CallerMemberName], [CallerFilePath] and
    /// [CallerLineNumber] are constants the compiler passes. An unsampled allocation costs a
    /// subtraction; an unsampled free costs a lock-free map lookup.
    /// </remarks>
    public sealed class NativeAllocationProfiler
    {
        private readonly INativeHeap _heap;
        private readonly long _rate;
        private readonly AddressMap.AddressMap _map;
        private readonly SiteSizeBuckets _buckets = new SiteSizeBuckets();
        private readonly object _sitesGate = new object();
        private NativeAllocationSite[] _byId = new NativeAllocationSite[16];
        private readonly ConcurrentDictionary<SiteKey, NativeAllocationSite> _sites = new ConcurrentDictionary<SiteKey, NativeAllocationSite>();
        private readonly ThreadLocal<PoissonSampler>? _samplers;
        private int _threads;

        public NativeAllocationProfiler(NativeProfilerOptions? options = null)
        {
            options ??= new NativeProfilerOptions();
            options.Validate();
            _heap = options.Heap ?? NativeHeaps.Default;
            _rate = options.SamplingRate;
            _map = new AddressMap.AddressMap(options.AddressMap);
            var seed = options.Seed;
            if (_rate > 0)
            {
                _samplers = new ThreadLocal<PoissonSampler>(() =>
                    new PoissonSampler(_rate, seed is int s ? s + Interlocked.Increment(ref _threads) - 1 : (int?)null));
            }
        }

        public long SamplingRate => _rate;

        public INativeHeap Heap => _heap;

        public IntPtr Alloc(long size, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
            Track(_heap.Alloc(size), size, member, file, line);

        public IntPtr AllocZeroed(long size, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0) =>
            Track(_heap.AllocZeroed(size), size, member, file, line);

        /// <summary>A realloc is a free of the old block and an allocation at this site.</summary>
        public IntPtr Realloc(IntPtr block, long size, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
        {
            Untrack(block);
            return Track(_heap.Realloc(block, size), size, member, file, line);
        }

        public void Free(IntPtr block)
        {
            if (block == IntPtr.Zero) return;
            Untrack(block);
            _heap.Free(block);
        }

        /// <summary>Statistics of every site that has a sample, largest estimated bytes first.</summary>
        public IReadOnlyList<NativeSiteStatistics> Sites() =>
            _sites.Values.Select(site => site.Snapshot()).OrderByDescending(s => s.EstimatedBytes).ToList();

        /// <summary>The profiler's own memory: buckets (sites and their site-and-size buckets) and address map.</summary>
        public ProfilerMemory Memory => new ProfilerMemory(_sites.Values.Sum(site => site.Bytes) + _buckets.Bytes, _map.Memory);

        /// <summary>Live sampled blocks.</summary>
        public int TrackedBlocks => _map.Count;

        private IntPtr Track(IntPtr block, long size, string member, string file, int line)
        {
            if (_samplers is not null && block != IntPtr.Zero && _samplers.Value!.ShouldSample(size))
            {
                var site = _sites.TryGetValue(new SiteKey(member, file, line), out var known) ? known : AddSite(new SiteKey(member, file, line));
                site.RecordAllocation(size, _rate);
                _map.Set((ulong)block.ToInt64(), _buckets.Acquire(site.Id, size));
            }

            return block;
        }

        private void Untrack(IntPtr block)
        {
            if (block != IntPtr.Zero && _map.TryRemove((ulong)block.ToInt64(), out var bucket))
            {
                var (site, size) = _buckets.Release(bucket);
                // The site was published before its bucket went into the map, under the map's lock.
                Volatile.Read(ref _byId)[site].RecordFree(size, _rate);
            }
        }

        /// <summary>A new site gets the next site id, which its buckets carry.</summary>
        private NativeAllocationSite AddSite(SiteKey key)
        {
            lock (_sitesGate)
            {
                if (_sites.TryGetValue(key, out var site)) return site;
                site = new NativeAllocationSite(_sites.Count, key.Member, key.File, key.Line);
                var byId = _byId;
                if (site.Id == byId.Length)
                {
                    Array.Resize(ref byId, byId.Length * 2);
                    Volatile.Write(ref _byId, byId);
                }

                byId[site.Id] = site;
                _sites[key] = site;
                return site;
            }
        }

        private readonly struct SiteKey : IEquatable<SiteKey>
        {
            public SiteKey(string member, string file, int line)
            {
                Member = member;
                File = file;
                Line = line;
            }

            public string Member { get; }

            public string File { get; }

            public int Line { get; }

            public bool Equals(SiteKey other) => Line == other.Line && Member == other.Member && File == other.File;

            public override bool Equals(object? obj) => obj is SiteKey other && Equals(other);

            public override int GetHashCode() => unchecked((Member.GetHashCode() * 397) ^ File.GetHashCode() ^ Line);
        }
    }
}
