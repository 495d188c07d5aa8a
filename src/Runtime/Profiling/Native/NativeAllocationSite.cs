using System;
using AllocAnalyzers.Runtime.Profiling.Sampling;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>
    /// The bucket of one call site of the native API: sampled allocations and frees, and their
    /// scaled estimates. Updated only on sampled events, under its own lock.
    /// </summary>
    public sealed class NativeAllocationSite
    {
        private readonly object _gate = new object();
        private long _samples;
        private long _sampledBytes;
        private long _freedSamples;
        private double _estimatedCount;
        private double _estimatedBytes;
        private double _estimatedFreedCount;
        private double _estimatedFreedBytes;

        internal NativeAllocationSite(int id, string member, string file, int line)
        {
            Id = id;
            Member = member;
            File = file;
            Line = line;
        }

        /// <summary>The site id its buckets carry (<see cref="SiteSizeBuckets"/>).</summary>
        internal int Id { get; }

        /// <summary>The calling method, from [CallerMemberName] (free at run time).</summary>
        public string Member { get; }

        public string File { get; }

        public int Line { get; }

        internal void RecordAllocation(long size, long meanBytes)
        {
            var count = SampleWeights.EstimatedCount(size, meanBytes);
            lock (_gate)
            {
                _samples++;
                _sampledBytes += size;
                _estimatedCount += count;
                _estimatedBytes += count * size;
            }
        }

        internal void RecordFree(long size, long meanBytes)
        {
            var count = SampleWeights.EstimatedCount(size, meanBytes);
            lock (_gate)
            {
                _freedSamples++;
                _estimatedFreedCount += count;
                _estimatedFreedBytes += count * size;
            }
        }

        /// <summary>A consistent copy of the counters.</summary>
        public NativeSiteStatistics Snapshot()
        {
            lock (_gate)
            {
                return new NativeSiteStatistics(
                    Member, File, Line, _samples, _sampledBytes, _freedSamples,
                    (long)Math.Round(_estimatedCount), (long)Math.Round(_estimatedBytes),
                    (long)Math.Round(_estimatedCount - _estimatedFreedCount),
                    (long)Math.Round(_estimatedBytes - _estimatedFreedBytes));
            }
        }

        /// <summary>Instance bytes plus the two strings, for the profiler's bucket memory.</summary>
        internal long Bytes =>
            AddressMap.ClrObjectLayout.InstanceBytes(4L * IntPtr.Size + 3 * sizeof(long) + 4 * sizeof(double) + 2 * sizeof(int))
            + StringBytes(Member) + StringBytes(File);

        private static long StringBytes(string s) =>
            AddressMap.ClrObjectLayout.AlignToPointer(AddressMap.ClrObjectLayout.ObjectHeaderBytes + sizeof(int) + 2L * (s.Length + 1));
    }
}
