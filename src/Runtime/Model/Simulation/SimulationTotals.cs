using System.Collections.Generic;
using System.Linq;

namespace AllocAnalyzers.Runtime.Model.Simulation
{
    /// <summary>How often one operation took one path, and what that cost in total.</summary>
    public sealed class PathStat
    {
        public PathStat(string operation, string path, double count, double seconds)
        {
            Operation = operation;
            Path = path;
            Count = count;
            Seconds = seconds;
        }

        /// <summary>The trace operation, e.g. "calloc 100 MiB".</summary>
        public string Operation { get; }

        /// <summary>What the allocator did, e.g. "served from the large-block cache: bzero 100 MiB".</summary>
        public string Path { get; }

        /// <summary>Times taken (fractional only after extrapolating a long repetition).</summary>
        public double Count { get; internal set; }

        public double Seconds { get; internal set; }
    }

    /// <summary>
    /// The additive counters of a simulation. Kept separate from the state so that a long repetition
    /// can be extrapolated from the difference of two snapshots.
    /// </summary>
    public sealed class SimulationTotals
    {
        private readonly Dictionary<string, PathStat> _paths = new Dictionary<string, PathStat>();
        private readonly List<string> _order = new List<string>();

        /// <summary>Bytes the allocator or runtime cleared with memset/bzero/memclr.</summary>
        public double AllocatorZeroedBytes { get; internal set; }

        /// <summary>Bytes the kernel zeroed to satisfy first-touch write faults.</summary>
        public double KernelZeroedBytes { get; internal set; }

        public double PageFaults { get; internal set; }
        public double ZeroPageFaults { get; internal set; }
        public double Syscalls { get; internal set; }
        public double Gen0Collections { get; internal set; }
        public double Gen2Collections { get; internal set; }
        public double Seconds { get; internal set; }

        /// <summary>The paths taken, in order of first use.</summary>
        public IReadOnlyList<PathStat> Paths => _order.Select(k => _paths[k]).ToList();

        public double TotalZeroedBytes => AllocatorZeroedBytes + KernelZeroedBytes;

        internal void AddPath(string operation, string path, double count, double seconds)
        {
            string key = operation + "\u0001" + path;
            if (!_paths.TryGetValue(key, out var stat))
            {
                stat = new PathStat(operation, path, 0, 0);
                _paths.Add(key, stat);
                _order.Add(key);
            }

            stat.Count += count;
            stat.Seconds += seconds;
        }

        internal SimulationTotals Clone()
        {
            var c = new SimulationTotals();
            c.AddScaled(this, 1);
            return c;
        }

        /// <summary>Adds <paramref name="factor"/> × (<paramref name="later"/> − <paramref name="earlier"/>) to these totals.</summary>
        internal void AddScaledDifference(SimulationTotals later, SimulationTotals earlier, double factor)
        {
            AddScaled(later, factor);
            AddScaled(earlier, -factor);
        }

        internal void AddScaled(SimulationTotals other, double factor)
        {
            AllocatorZeroedBytes += other.AllocatorZeroedBytes * factor;
            KernelZeroedBytes += other.KernelZeroedBytes * factor;
            PageFaults += other.PageFaults * factor;
            ZeroPageFaults += other.ZeroPageFaults * factor;
            Syscalls += other.Syscalls * factor;
            Gen0Collections += other.Gen0Collections * factor;
            Gen2Collections += other.Gen2Collections * factor;
            Seconds += other.Seconds * factor;
            foreach (var key in other._order)
            {
                var p = other._paths[key];
                AddPath(p.Operation, p.Path, p.Count * factor, p.Seconds * factor);
            }

            // Drop paths that a difference cancelled out entirely.
            foreach (var key in _order.Where(k => _paths[k].Count <= 1e-9 && _paths[k].Count >= -1e-9).ToList())
            {
                _paths.Remove(key);
                _order.Remove(key);
            }
        }
    }
}
