using System;
using System.Collections.Generic;
using AllocAnalyzers.Runtime.Formatting;

namespace AllocAnalyzers.Profiles
{
    /// <summary>What a profile measured at one source line: the rows of its site summary on that line.</summary>
    internal sealed class MeasuredSite
    {
        public MeasuredSite(string profileName, long estimatedBytes, long estimatedCount, long samples, int rank, int siteCount, IReadOnlyList<MeasuredSite>? rows = null)
        {
            Rows = rows ?? Array.Empty<MeasuredSite>();
            ProfileName = profileName;
            EstimatedBytes = estimatedBytes;
            EstimatedCount = estimatedCount;
            Samples = samples;
            Rank = rank;
            SiteCount = siteCount;
        }

        /// <summary>The summary's file name, e.g. seed.sites.tsv.</summary>
        public string ProfileName { get; }

        /// <summary>Bytes allocated at the line over the profiled run (the summary's scaled estimate).</summary>
        public long EstimatedBytes { get; }

        /// <summary>Allocations at the line over the profiled run (the summary's scaled estimate).</summary>
        public long EstimatedCount { get; }

        /// <summary>Allocation events behind the estimates.</summary>
        public long Samples { get; }

        /// <summary>1 for the profile's largest site by estimated bytes.</summary>
        public int Rank { get; }

        public int SiteCount { get; }

        /// <summary>
        /// The summary's rows on the line, each on its own, largest first (a site is method × type ×
        /// large-object flag, so one line's large and small allocations are separate rows); empty for a row itself.
        /// </summary>
        public IReadOnlyList<MeasuredSite> Rows { get; }

        /// <summary>The clause a message ends with; the samples and exact bytes are in the diagnostic's properties.</summary>
        public string Describe() =>
            "; measured in " + ProfileName + ": " + CostFormat.Bytes(EstimatedBytes) + " allocated here, site "
            + CostFormat.Count(Rank) + " of " + CostFormat.Count(SiteCount);
    }
}
