using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>ALLOC900: an AllocAnalyzers setting could not be used; the default applies instead.</summary>
    internal static class ConfigurationDiagnostics
    {
        public static readonly DiagnosticDescriptor InvalidConfiguration = RuleDescriptors.Create(
            RuleIds.InvalidConfiguration,
            title: "Invalid AllocAnalyzers configuration",
            messageFormat: "Invalid AllocAnalyzers setting '{0}' = '{1}': {2}; using {3} instead",
            description: "An .editorconfig or .globalconfig value read by AllocAnalyzers is malformed or out of range. The analyzers keep working with the default value, named in the message.",
            category: RuleCategories.Configuration,
            severity: DiagnosticSeverity.Warning);
    }
}
