using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Trace;

namespace AllocAnalyzers.Runtime.Model.Simulation
{
    /// <summary>
    /// Runs an allocation trace through one platform's allocator, the .NET GC and the page model.
    /// Deterministic. A long repetition is simulated until it reaches a steady state (aligned on
    /// collections when there are any) and the rest is extrapolated from a whole number of periods.
    /// </summary>
    public sealed class Simulator
    {
        private const int WarmUpIterations = 16;
        private const int QuietWindow = 64;
        private const int PeriodsInWindow = 4;

        private readonly SimulationContext _context;
        private readonly INativeAllocator _native;
        private readonly ManagedHeap _managed;
        private readonly ArrayPoolModel _pool;
        private readonly SimulationOptions _options;
        private readonly List<NativeBlock> _live = new List<NativeBlock>();
        private bool _extrapolated;

        private Simulator(TargetPlatform platform, CostProfile profile, SimulationOptions options)
        {
            Platform = platform;
            _options = options;
            _context = new SimulationContext(profile);
            _native = CreateAllocator(platform, _context, options);
            _managed = new ManagedHeap(_context);
            _pool = new ArrayPoolModel(_context, _managed);
        }

        public TargetPlatform Platform { get; }

        /// <summary>Simulates <paramref name="trace"/> on <paramref name="platform"/>, priced by <paramref name="profile"/>.</summary>
        public static SimulationReport Run(IReadOnlyList<TraceOp> trace, TargetPlatform platform, CostProfile profile, SimulationOptions? options = null)
        {
            if (trace == null) throw new ArgumentNullException(nameof(trace));
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            var sim = new Simulator(platform, profile, options ?? SimulationOptions.Default);
            long startResident = sim._context.Memory.ResidentBytes;
            sim.RunSequence(trace);
            var memory = sim._context.Memory;
            return new SimulationReport(platform, sim._native.Name, profile, sim._context.Ledger.Totals,
                memory.PeakResidentBytes - startResident, memory.ResidentBytes - startResident, sim._extrapolated);
        }

        /// <summary>Parses and simulates a trace written in the trace language.</summary>
        public static SimulationReport Run(string trace, TargetPlatform platform, CostProfile profile, SimulationOptions? options = null) =>
            Run(TraceParser.Parse(trace), platform, profile, options);

        internal static INativeAllocator CreateAllocator(TargetPlatform platform, SimulationContext context, SimulationOptions options) =>
            AllocatorCatalog.For(platform).CreateAllocator(context, options);

        private void RunSequence(IReadOnlyList<TraceOp> ops)
        {
            foreach (var op in ops)
            {
                if (op.Kind == TraceOpKind.Repeat) RunRepeat(op);
                else RunOne(op);
            }
        }

        private void RunRepeat(TraceOp op)
        {
            long n = op.Count, done = 0;
            var totals = _context.Ledger.Totals;
            void Step()
            {
                RunSequence(op.Body);
                done++;
            }

            double Events() => totals.Gen0Collections + totals.Gen2Collections;

            while (done < Math.Min(n, WarmUpIterations)) Step();
            if (n - done <= _options.ExactRepeatLimit)
            {
                while (done < n) Step();
                return;
            }

            // Align the window's start with a collection, if the loop collects at all.
            double before = Events();
            long searched = 0;
            // Only the GC makes a loop periodic; a purely native loop is steady after its warm-up.
            long searchLimit = CollectsGarbage(op) ? _options.MaxSteadyStateIterations : QuietWindow;
            while (done < n && Events() == before && searched < searchLimit)
            {
                Step();
                searched++;
            }

            bool periodic = Events() != before;
            var start = totals.Clone();
            long startDone = done;
            double startEvents = Events();
            while (done < n && done - startDone < _options.MaxSteadyStateIterations
                && (periodic ? Events() - startEvents < PeriodsInWindow : done - startDone < QuietWindow))
            {
                Step();
            }

            if (done >= n) return;
            long window = done - startDone;
            var end = totals.Clone();
            totals.AddScaledDifference(end, start, (double)(n - done) / window);
            _extrapolated = true;
        }

        private static bool CollectsGarbage(TraceOp op)
        {
            foreach (var b in op.Body)
            {
                if (b.Kind == TraceOpKind.Repeat ? CollectsGarbage(b) : b.Kind >= TraceOpKind.New && b.Kind <= TraceOpKind.Rent) return true;
            }

            return false;
        }

        private void RunOne(TraceOp op)
        {
            var ledger = _context.Ledger;
            ledger.BeginOperation(op.ToString());
            switch (op.Kind)
            {
                case TraceOpKind.Malloc:
                    _live.Add(_native.Malloc(op.Size));
                    break;
                case TraceOpKind.Calloc:
                    _live.Add(_native.Calloc(op.Size));
                    break;
                case TraceOpKind.Realloc:
                    _live.Add(_native.Realloc(PopLive(op), op.Size));
                    break;
                case TraceOpKind.Free:
                    _native.Free(PopLive(op));
                    break;
                case TraceOpKind.Touch:
                {
                    var b = LastLive(op);
                    _context.Write(b.Mapping, b.Offset, Math.Min(op.Size, b.Usable));
                    break;
                }

                case TraceOpKind.Read:
                {
                    var b = LastLive(op);
                    _context.Read(b.Mapping, b.Offset, Math.Min(op.Size, b.Usable));
                    break;
                }

                case TraceOpKind.New:
                    _managed.AllocateArray(op.Size, ManagedArrayKind.Zeroed);
                    break;
                case TraceOpKind.Uninit:
                    _managed.AllocateArray(op.Size, ManagedArrayKind.Uninitialized);
                    break;
                case TraceOpKind.Pinned:
                    _managed.AllocateArray(op.Size, ManagedArrayKind.Pinned);
                    break;
                case TraceOpKind.PinnedUninit:
                    _managed.AllocateArray(op.Size, ManagedArrayKind.PinnedUninitialized);
                    break;
                case TraceOpKind.Rent:
                    _pool.Rent(op.Size);
                    break;
                case TraceOpKind.Return:
                    _pool.Return();
                    break;
                case TraceOpKind.Clear:
                    _managed.ClearLiveBuffer(op.Size);
                    break;
                default:
                    throw new InvalidOperationException("unexpected operation " + op.Kind);
            }

            ledger.EndOperation();
        }

        private NativeBlock PopLive(TraceOp op)
        {
            var b = LastLive(op);
            _live.RemoveAt(_live.Count - 1);
            return b;
        }

        private NativeBlock LastLive(TraceOp op)
        {
            if (_live.Count == 0)
            {
                throw new InvalidOperationException("'" + op + "' needs a live native block, but none is allocated (add malloc or calloc before it)");
            }

            return _live[_live.Count - 1];
        }
    }
}
