using System.Collections.Immutable;
using System.Threading;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Operations;
using AllocAnalyzers.Profiles;
using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Infrastructure
{
    /// <summary>What every rule needs for one compilation: well-known types, settings, the cost profile
    /// and what a profile measured (site summaries among the AdditionalFiles).</summary>
    internal sealed class AnalysisSession
    {
        public AnalysisSession(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            Types = new WellKnownTypes(compilation);
            Configuration = new ConfigurationReader(options);
            HelpLinks = Configuration.HelpLinks;
            CostProfileSetting = CostProfileSetting.Read(Configuration);
            Measured = new MeasuredSites(options, cancellationToken);
            Summaries = CompilationSummaries.For(compilation);
            SettingErrors = CollectSettingErrors(Configuration, CostProfileSetting, Measured);
        }

        public Compilation Compilation { get; }
        public WellKnownTypes Types { get; }
        public ConfigurationReader Configuration { get; }

        /// <summary>Rule descriptors with the help link the project configured (see <see cref="Diagnostics.HelpLinks"/>).</summary>
        public Diagnostics.HelpLinks HelpLinks { get; }

        /// <summary>The configured cost profile (or the default) and any error in it.</summary>
        public CostProfileSetting CostProfileSetting { get; }

        /// <summary>The cost profile that prices the estimates in the messages.</summary>
        public CostProfile CostProfile => CostProfileSetting.Profile;

        /// <summary>Project-wide settings that cannot be used, reported as ALLOC900 on every tree by the SettingsAnalyzer.</summary>
        public ImmutableArray<CompilationSettingError> SettingErrors { get; }

        /// <summary>Method summaries shared by every rule of the compilation (callers, repetition, allocation wrappers, clearing helpers).</summary>
        public CompilationSummaries Summaries { get; }

        /// <summary>The allocation <paramref name="operation"/> makes, written out or through an allocation wrapper (<see cref="AllocationWrappers"/>).</summary>
        public BufferAllocation? RecognizeBuffer(IOperation operation) => AllocationWrappers.Recognize(operation, Types, Summaries);

        /// <summary>Measured costs by source line, for profile-guided messages.</summary>
        public MeasuredSites Measured { get; }

        private static ImmutableArray<CompilationSettingError> CollectSettingErrors(ConfigurationReader configuration, CostProfileSetting profile, MeasuredSites measured)
        {
            var errors = ImmutableArray.CreateBuilder<CompilationSettingError>();
            var targets = TargetPlatforms.Read(configuration);
            if (targets.InvalidValue != null)
            {
                errors.Add(new CompilationSettingError(TargetPlatforms.OptionKey, targets.InvalidValue, targets.Problem ?? "invalid value", targets.Source));
            }

            var macOS = MacOSAllocatorSetting.Read(configuration);
            if (macOS.InvalidValue != null)
            {
                errors.Add(new CompilationSettingError(MacOSAllocatorSetting.OptionKey, macOS.InvalidValue, MacOSAllocatorSetting.Expected, MacOSAllocatorSetting.DefaultName));
            }

            if (profile.Error != null)
            {
                errors.Add(new CompilationSettingError(
                    CostProfileConfig.KeyPrefix + "*", "(calibrated profile)", profile.Error, "the built-in profile '" + BuiltInProfiles.Default.Name + "'"));
            }

            foreach (var file in measured.Unreadable)
            {
                errors.Add(new CompilationSettingError("AdditionalFiles site summary", file.Name, file.Error!, "no measured costs from it"));
            }

            return errors.ToImmutable();
        }
    }
}
