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
        /// <summary>Each analyzer reports its one rule, and ALLOC900 for an invalid value of its own options (project-wide settings: <see cref="SettingsAnalyzer"/>).</summary>
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
                OnCompilationStart(start, session);
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session);
    }
}
