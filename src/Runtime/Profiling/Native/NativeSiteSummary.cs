using System.Collections.Generic;
using System.Linq;
using AllocAnalyzers.Runtime.Profiling.Summary;

namespace AllocAnalyzers.Runtime.Profiling.Native
{
    /// <summary>Turns the native profiler's sites into site-summary rows.</summary>
    public static class NativeSiteSummary
    {
        /// <summary>Native blocks have no managed type; this stands in the type column.</summary>
        public const string NativeType = "native";

        public static IEnumerable<SiteSummaryRow> Rows(NativeAllocationProfiler profiler) =>
            profiler.Sites().Select(site => new SiteSummaryRow(
                site.Member, NativeType, site.Samples, site.EstimatedCount, site.EstimatedBytes,
                isLarge: false, site.File, site.Line));
    }
}
