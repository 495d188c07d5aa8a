using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Profiles
{
    /// <summary>
    /// A profile's figures at a line, taken as the evidence a rule could not prove at compile time: that
    /// an allocation is large (its size is not a constant) and that it repeats (no loop around it in
    /// the method). Decided from the site summary's columns only — estimated_bytes, estimated_count
    /// and samples of one row on the line — never from constants standing in for them. Rows are
    /// judged one by one, largest first, because a site is method × type × large-object flag: the
    /// large and the small allocations of one line are separate rows, and their sum would average
    /// a large buffer away behind many small ones (or a small one into a large one).
    /// <list type="bullet">
    /// <item><b>Large</b>: bytes per allocation, estimated_bytes / estimated_count, reach the rule's
    /// threshold. Both columns are the profile's scaled totals, so their quotient is the mean size of
    /// the row's objects: for AllocationSampled events each sample stands for 1/p objects of its own
    /// size, for GCAllocationTick events a tick of <c>amount</c> bytes counts amount/size objects. It
    /// is the runtime's object size, array header included (24 bytes on 64-bit), the size the
    /// runtime's own large-object threshold is measured in. A size the code proves wins over the
    /// measured one: a provable size below the threshold is never made large by a profile.</item>
    /// <item><b>Frequent</b>: at least <see cref="MinimumAllocations"/> allocations estimated at the
    /// line, backed by at least <see cref="MinimumSamples"/> events, so that neither a handful of
    /// calls nor one sample scaled up by a small sampling probability counts as repetition.</item>
    /// </list>
    /// </summary>
    internal sealed class MeasuredEvidence
    {
        /// <summary>
        /// Allocations over the profiled run below which the site is not "repeated": a start-up buffer,
        /// a handful of calls (ALLOC001's docs name a loop that runs a few times as a reason to suppress).
        /// </summary>
        public const long MinimumAllocations = 100;

        /// <summary>
        /// Events the estimate must rest on. One AllocationSampled event of an object of s bytes stands
        /// for 1/(1 − e^(−s/102,400)) objects (about 7 at 16 KiB), so a count from one or two events is
        /// mostly extrapolation; with 10 a Poisson count's relative error is about a third.
        /// </summary>
        public const long MinimumSamples = 10;

        private MeasuredEvidence(MeasuredSite site, long bytesPerAllocation)
        {
            Site = site;
            BytesPerAllocation = bytesPerAllocation;
        }

        /// <summary>The row of the site summary that is the evidence.</summary>
        public MeasuredSite Site { get; }

        /// <summary>Mean bytes per allocation at the line: estimated bytes over estimated count.</summary>
        public long BytesPerAllocation { get; }

        /// <summary>Estimated allocations at the line over the profiled run.</summary>
        public long Allocations => Site.EstimatedCount;

        /// <summary>
        /// The evidence at <paramref name="site"/>: its largest row measured large and frequent, or null
        /// when none was. <paramref name="provenBytes"/> is the size the code proves (null when it
        /// does not); <paramref name="thresholdBytes"/> the rule's threshold.
        /// </summary>
        public static MeasuredEvidence? For(MeasuredSite? site, long? provenBytes, long thresholdBytes)
        {
            if (site == null || (provenBytes != null && provenBytes.Value < thresholdBytes)) return null;
            foreach (var row in site.Rows)
            {
                if (row.EstimatedCount <= 0 || row.EstimatedBytes <= 0) continue;
                if (row.EstimatedCount < MinimumAllocations || row.Samples < MinimumSamples) continue;
                long perAllocation = row.EstimatedBytes / row.EstimatedCount;
                if (provenBytes == null && perAllocation < thresholdBytes) continue;
                return new MeasuredEvidence(row, perAllocation);
            }

            return null;
        }

        /// <summary>"about 1,048,600 bytes (1 MiB) per allocation, 4,097 times, in the measured profile 'seed.sites.tsv' (rank 1 of 6)".</summary>
        public string Describe() =>
            "about " + CostFormat.BytesExact(BytesPerAllocation) + " per allocation, " + CostFormat.Count(Allocations)
            + " times, in the measured profile '" + Site.ProfileName + "' (rank " + CostFormat.Count(Site.Rank)
            + " of " + CostFormat.Count(Site.SiteCount) + ")";
    }
}
