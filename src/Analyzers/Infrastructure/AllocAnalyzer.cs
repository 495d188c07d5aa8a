using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Infrastructure
{
    /// <summary>
    /// The one analyzer skeleton: concurrent, no diagnostics in generated code, and a per-compilation
    /// <see cref="AnalysisSession"/> handed to the rule. Rules only say what they register.
    /// </summary>
    public abstract class AllocAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var session = new AnalysisSession(start.Compilation, start.Options);
                OnCompilationStart(start, session);
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session);
    }
}
