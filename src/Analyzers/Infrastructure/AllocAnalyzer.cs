using System.Collections.Immutable;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
using AllocAnalyzers.Profiles;
using AllocAnalyzers.Runtime.Costs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Infrastructure
{
    /// <summary>
    /// The one analyzer skeleton: concurrent, no diagnostics in generated code, and a per-compilation
    /// <see cref="AnalysisSession"/> handed to the rule. Rules only say what they register.
    /// </summary>
    public abstract class AllocAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Each analyzer reports its one rule, and ALLOC900 for a setting it cannot use.</summary>
        protected AllocAnalyzer(DiagnosticDescriptor rule)
        {
            SupportedDiagnostics = ImmutableArray.Create(rule, ConfigurationDiagnostics.InvalidConfiguration);
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var session = new AnalysisSession(start.Compilation, start.Options, start.CancellationToken);
                ReportProfileError(start, session);
                ReportUnreadableSummaries(start, session);
                OnCompilationStart(start, session);
            });
        }

        /// <summary>An invalid calibrated cost profile: ALLOC900 once per compilation, from the first tree analyzed.</summary>
        private void ReportProfileError(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            string? error = session.CostProfileSetting.Error;
            if (error == null) return;
            var compilation = context.Compilation;
            context.RegisterSyntaxTreeAction(tree =>
            {
                if (!CostProfileSetting.ClaimReport(compilation)) return;
                tree.ReportDiagnostic(Diagnostic.Create(
                    ConfigurationDiagnostics.InvalidConfiguration, Location.None,
                    CostProfileConfig.KeyPrefix + "*", "(calibrated profile)", error, "the built-in profile '" + BuiltInProfiles.Default.Name + "'"));
            });
        }

        /// <summary>A site summary that cannot be read: ALLOC900 once per compilation and file; messages go without its figures.</summary>
        private static void ReportUnreadableSummaries(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            var unreadable = session.Measured.Unreadable;
            if (unreadable.IsEmpty) return;
            var compilation = context.Compilation;
            context.RegisterSyntaxTreeAction(tree =>
            {
                foreach (var file in unreadable)
                {
                    if (!SummaryErrorClaims.Claim(compilation, file.Path)) continue;
                    tree.ReportDiagnostic(Diagnostic.Create(
                        ConfigurationDiagnostics.InvalidConfiguration, Location.None,
                        "AdditionalFiles site summary", file.Name, file.Error, "no measured costs from it"));
                }
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session);
    }
}
