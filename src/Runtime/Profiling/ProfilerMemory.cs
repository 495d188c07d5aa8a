using AllocAnalyzers.Runtime.Profiling.AddressMap;

namespace AllocAnalyzers.Runtime.Profiling
{
    /// <summary>A profiler's own memory, split as Go's "mprof N bytes (B bucketmem + A addrmem)".</summary>
    public readonly struct ProfilerMemory
    {
        public ProfilerMemory(long bucketBytes, AddressMapMemory addressMap)
        {
            BucketBytes = bucketBytes;
            AddressMap = addressMap;
        }

        /// <summary>Allocation-site buckets.</summary>
        public long BucketBytes { get; }

        public AddressMapMemory AddressMap { get; }

        public long TotalBytes => BucketBytes + AddressMap.TotalBytes;

        public override string ToString() =>
            $"profiler {TotalBytes} bytes ({BucketBytes} bucketmem + {AddressMap.AddressBytes} addrmem + {AddressMap.TableBytes} table)";
    }
}
