using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// A project-wide setting that cannot be used — a broken calibrated cost profile, an unknown
    /// target platform, an unreadable site summary. It affects every document, so the
    /// <see cref="SettingsAnalyzer"/> reports it on every tree.
    /// </summary>
    internal sealed class CompilationSettingError
    {
        public CompilationSettingError(string key, string value, string problem, string fallback)
        {
            Key = key;
            Value = value;
            Problem = problem;
            Fallback = fallback;
        }

        public string Key { get; }

        public string Value { get; }

        public string Problem { get; }

        public string Fallback { get; }

        public Diagnostic ToDiagnostic(SyntaxTree tree) => SettingDiagnostic.Invalid(tree, Key, Value, Problem, Fallback);
    }
}
