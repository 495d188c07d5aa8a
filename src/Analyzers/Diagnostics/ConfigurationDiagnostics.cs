using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>ALLOC900: an AllocAnalyzers setting could not be used; the default applies instead.</summary>
    internal static class ConfigurationDiagnostics
    {
        public static readonly DiagnosticDescriptor InvalidConfiguration = RuleDescriptors.Create(
            RuleIds.InvalidConfiguration,
            title: "Invalid AllocAnalyzers configuration",
            messageFormat: "AllocAnalyzers setting '{0}' = '{1}' {2}",
            description: "An .editorconfig or .globalconfig value read by AllocAnalyzers is malformed or out of range, a key is not one AllocAnalyzers reads (a misspelling is silent otherwise), or a project-wide key (alloc_analyzers.*) sits in an .editorconfig section, where the compiler applies it per file and AllocAnalyzers does not read it. The analyzers keep working with the value named in the message. The diagnostic is placed on the first token of each document the setting affects, because editors only show diagnostics located in a document; fix the setting and all of them go.",
            category: RuleCategories.Configuration,
            severity: DiagnosticSeverity.Warning);
    }
}
