using AllocAnalyzers.Configuration;
using AllocAnalyzers.Runtime.Costs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Infrastructure
{
    /// <summary>What every rule needs for one compilation: well-known types, settings and the cost profile.</summary>
    internal sealed class AnalysisSession
    {
        public AnalysisSession(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            Types = new WellKnownTypes(compilation);
            Configuration = new ConfigurationReader(options);
            CostProfileSetting = CostProfileSetting.Read(Configuration);
        }

        public Compilation Compilation { get; }
        public WellKnownTypes Types { get; }
        public ConfigurationReader Configuration { get; }

        /// <summary>The configured cost profile (or the default) and any error in it.</summary>
        public CostProfileSetting CostProfileSetting { get; }

        /// <summary>The cost profile that prices the estimates in the messages.</summary>
        public CostProfile CostProfile => CostProfileSetting.Profile;
    }
}
