using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>
    /// Builds every descriptor the same way, so that help links, tags and categories cannot drift
    /// between rules. Each rule's own descriptor lives beside its analyzer.
    /// </summary>
    internal static class RuleDescriptors
    {
        /// <summary>Where docs/rules/ALLOCnnn.md is published.</summary>
        public const string HelpLinkBase = "https://github.com/allocanalyzers/allocanalyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        public static DiagnosticDescriptor Performance(
            string id, string title, string messageFormat, string description,
            DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
            Create(id, title, messageFormat, description, RuleCategories.Performance, severity);

        public static DiagnosticDescriptor Create(
            string id, string title, string messageFormat, string description, string category,
            DiagnosticSeverity severity, params string[] customTags) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLink(id),
                customTags: customTags);
    }
}
