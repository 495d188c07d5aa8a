using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// ALLOC900 for a setting, placed on the first token of a document the setting affects: an
    /// .editorconfig or .globalconfig is not a document of the compilation, and editors (Visual
    /// Studio, Rider, VS Code) show only diagnostics located in a document — a location-less one
    /// reaches the build log but never the editor. Each tree gets its own, so per-document analysis
    /// of whichever file is open shows it.
    /// </summary>
    internal static class SettingDiagnostic
    {
        /// <summary>A value that cannot be used: the fallback applies.</summary>
        public static Diagnostic Invalid(SyntaxTree tree, string key, string value, string problem, string fallback) =>
            Create(tree, key, value, "is invalid: " + problem + "; using " + fallback + " instead");

        /// <summary>A key no AllocAnalyzers rule reads.</summary>
        public static Diagnostic Unknown(SyntaxTree tree, string key, string value, string? suggestion) =>
            Create(tree, key, value, "is not an AllocAnalyzers setting and has no effect" + (suggestion == null ? string.Empty : "; did you mean '" + suggestion + "'?"));

        /// <summary>A project-wide key found in an .editorconfig section, where the compiler does not make it project-wide.</summary>
        public static Diagnostic Misplaced(SyntaxTree tree, string key, string value) =>
            Create(tree, key, value, "is ignored in an .editorconfig section: it applies to the whole project, so it must go in a .globalconfig file (is_global = true)");

        private static Diagnostic Create(SyntaxTree tree, string key, string value, string verdict) =>
            Diagnostic.Create(ConfigurationDiagnostics.InvalidConfiguration, FirstToken(tree), key, value, verdict);

        private static Location FirstToken(SyntaxTree tree)
        {
            var token = tree.GetRoot().GetFirstToken(includeZeroWidth: true);
            return Location.Create(tree, token.Span.IsEmpty ? new TextSpan(token.SpanStart, 0) : token.Span);
        }
    }
}
