using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Simulation;
using AllocAnalyzers.Runtime.Model.Trace;

namespace AllocAnalyzers.Runtime.Estimates
{
    /// <summary>
    /// Per-iteration steady-state cost of a loop body: the difference between simulating the loop
    /// for 2N and for N iterations, divided by N, so that first-iteration effects (the first mmap,
    /// heap growth, filling a pool) cancel out. No I/O; a few hundred simulated iterations at most.
    /// </summary>
    internal static class SteadyState
    {
        private const long Short = 1L << 20;
        private const long Long = 2L << 20;
        private const int CacheLimit = 4096;

        private static readonly SimulationOptions AnalyzerOptions = new SimulationOptions { MaxSteadyStateIterations = SimulationOptions.AnalyzerSteadyStateIterations };

        // Analyzers ask for the same few sizes again and again: remember answers per profile instance.
        private static readonly ConditionalWeakTable<CostProfile, ConcurrentDictionary<string, CostEstimate>> Cache =
            new ConditionalWeakTable<CostProfile, ConcurrentDictionary<string, CostEstimate>>();

        public static CostEstimate Estimate(TraceOp[] body, TargetPlatform platform, CostProfile profile, TraceOpKind explain, bool largeObjectHeap, string prefix,
            SimulationOptions? options = null)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            if (options != null) return Compute(body, platform, profile, explain, largeObjectHeap, prefix, options);

            // The analyzers' path: bounded work per estimate (a few thousand simulated iterations at most).
            var cache = Cache.GetValue(profile, _ => new ConcurrentDictionary<string, CostEstimate>());
            string key = ((int)platform).ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + prefix + "|"
                + string.Join(";", body.Select(b => b.Kind + " " + b.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (cache.TryGetValue(key, out var known)) return known;
            if (cache.Count > CacheLimit) cache.Clear();
            return cache[key] = Compute(body, platform, profile, explain, largeObjectHeap, prefix, AnalyzerOptions);
        }

        private static CostEstimate Compute(TraceOp[] body, TargetPlatform platform, CostProfile profile, TraceOpKind explain, bool largeObjectHeap, string prefix,
            SimulationOptions? options)
        {
            var shortRun = Simulator.Run(new[] { TraceOp.Repeat(body, Short) }, platform, profile, options);
            var longRun = Simulator.Run(new[] { TraceOp.Repeat(body, Long) }, platform, profile, options);
            var diff = new SimulationTotals();
            diff.AddScaledDifference(longRun.Totals, shortRun.Totals, 1.0 / (Long - Short));

            string operation = body.First(b => b.Kind == explain).ToString();
            var main = diff.Paths.Where(p => p.Operation == operation && p.Count > 0).OrderByDescending(p => p.Count).FirstOrDefault();
            string path = main?.Path ?? "no cost";
            string explanation = prefix + ": " + path;
            if (diff.Gen2Collections > 1e-9)
            {
                explanation += "; a gen 2 collection every " + (1 / diff.Gen2Collections).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " iterations";
            }

            long zeroed = (long)Math.Round(diff.TotalZeroedBytes);
            return new CostEstimate(zeroed, Math.Max(0, diff.Seconds), largeObjectHeap, explanation);
        }
    }
}
