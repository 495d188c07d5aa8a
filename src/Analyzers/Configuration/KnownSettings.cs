using System;
using System.Collections.Immutable;
using System.Linq;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Rules.OversizedInteropBuffer;
using AllocAnalyzers.Rules.PlatformAllocatorPathology;
using AllocAnalyzers.Runtime.Costs;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// Every key AllocAnalyzers reads, so that anything else under its prefixes can be reported as
    /// unknown (a misspelling is otherwise silent) and a project-wide key found per file as misplaced.
    /// Per-file keys (<c>dotnet_code_quality.ALLOCnnn.*</c>) belong in .editorconfig sections;
    /// project-wide keys (<c>alloc_analyzers.*</c>) in a .globalconfig. A test checks the per-file list
    /// against the rules' own <see cref="ByteOption"/>s.
    /// </summary>
    internal static class KnownSettings
    {
        public const string ProjectWidePrefix = "alloc_analyzers.";
        public const string RuleOptionPrefix = "dotnet_code_quality.";

        /// <summary>The rules' options, as (rule id, option name).</summary>
        public static readonly ImmutableArray<(string RuleId, string Option)> RuleOptions = ImmutableArray.Create(
            (RuleIds.LargeAllocationInLoop, OptionKeys.ThresholdBytes),
            (RuleIds.RedundantClear, OptionKeys.ThresholdBytes),
            (RuleIds.OversizedInteropBuffer, OversizedInteropBufferAnalyzer.MinExcessBytesOption),
            (RuleIds.OverwrittenZeroedAllocation, OptionKeys.ThresholdBytes),
            (RuleIds.OverwrittenZeroedAllocation, Rules.OverwrittenZeroedAllocation.UnknownSizePolicy.OptionName),
            (RuleIds.LargeZeroedStackalloc, OptionKeys.ThresholdBytes),
            (RuleIds.PlatformAllocatorPathology, PlatformAllocatorPathologyAnalyzer.MinBytesOption));

        public static readonly ImmutableArray<string> PerFileKeys =
            RuleOptions.Select(o => OptionKeys.Rule(o.RuleId, o.Option)).ToImmutableArray();

        public static readonly ImmutableArray<string> ProjectWideKeys =
            new[] { TargetPlatforms.OptionKey, MacOSAllocatorSetting.OptionKey }
                .Concat(CostProfileConfig.TextKeys.Select(k => CostProfileConfig.KeyPrefix + k))
                .Concat(CostProfileFields.Numeric.Select(f => CostProfileConfig.KeyPrefix + f.Key))
                .ToImmutableArray();

        /// <summary>True for keys under AllocAnalyzers' prefixes: <c>alloc_analyzers.*</c> and <c>dotnet_code_quality.ALLOCnnn.*</c>.</summary>
        public static bool IsOurs(string key)
        {
            if (key.StartsWith(ProjectWidePrefix, StringComparison.OrdinalIgnoreCase)) return true;
            if (!key.StartsWith(RuleOptionPrefix, StringComparison.OrdinalIgnoreCase)) return false;
            string rest = key.Substring(RuleOptionPrefix.Length);
            return rest.Length > 5 && rest.StartsWith("ALLOC", StringComparison.OrdinalIgnoreCase) && char.IsDigit(rest[5]);
        }

        public static bool IsPerFile(string key) => PerFileKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

        public static bool IsProjectWide(string key) => ProjectWideKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

        /// <summary>The known key closest to a misspelled one, when it is close enough to be meant.</summary>
        public static string? Suggest(string key)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string known in PerFileKeys.Concat(ProjectWideKeys))
            {
                // A key cut short ("min_excess" for "min_excess_bytes") is as good as a one-letter slip.
                int distance = known.StartsWith(key, StringComparison.OrdinalIgnoreCase) ? 1 : EditDistance.Between(key.ToLowerInvariant(), known.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = known;
                    bestDistance = distance;
                }
            }

            return bestDistance <= Math.Max(2, key.Length / 6) ? best : null;
        }
    }
}
