using System.Collections.Immutable;
using AllocAnalyzers.Configuration;
using AllocAnalyzers.Diagnostics;
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
                ReportSettingErrors(start, session);
                OnCompilationStart(start, session);
            });
        }

        /// <summary>
        /// A compilation-wide setting that cannot be used (a calibrated cost profile, a site summary):
        /// ALLOC900 once per compilation, from the first tree analyzed by any AllocAnalyzers analyzer.
        /// </summary>
        private static void ReportSettingErrors(CompilationStartAnalysisContext context, AnalysisSession session)
        {
            var errors = session.SettingErrors;
            if (errors.IsEmpty) return;
            var compilation = context.Compilation;
            context.RegisterSyntaxTreeAction(tree =>
            {
                foreach (var error in errors)
                {
                    if (error.Claim(compilation)) tree.ReportDiagnostic(error.ToDiagnostic(session.HelpLinks));
                }
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session);
    }
}
