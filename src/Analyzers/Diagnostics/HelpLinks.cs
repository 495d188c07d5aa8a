using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Diagnostics
{
    /// <summary>
    /// Where a diagnostic's help link points. The package's build props set the MSBuild property
    /// <c>AllocAnalyzersHelpBaseUrl</c> (compiler-visible) to the rule pages shipped inside the package
    /// (<c>file:///…/allocanalyzers/&lt;version&gt;/docs/rules/</c>), so the link opens a page that exists
    /// on the user's machine; a project can set the property to a mirror of its own. Without it (the
    /// analyzers referenced without the package's build files) the descriptors' built-in link applies.
    /// </summary>
    internal sealed class HelpLinks
    {
        public const string BaseUrlKey = "build_property.AllocAnalyzersHelpBaseUrl";

        // Descriptors are compared by id when a diagnostic is reported, so a copy with another link is
        // still the analyzer's supported rule; one copy per (base, id) for the whole process.
        private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Copies = new ConcurrentDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);

        private readonly string? _baseUrl;

        private HelpLinks(string? baseUrl) => _baseUrl = baseUrl;

        public static HelpLinks Read(AnalyzerConfigOptionsProvider provider)
        {
            provider.GlobalOptions.TryGetValue(BaseUrlKey, out string? value);
            value = value?.Trim();
            if (string.IsNullOrEmpty(value)) return new HelpLinks(null);
            return new HelpLinks(value!.EndsWith("/", StringComparison.Ordinal) ? value : value + "/");
        }

        /// <summary>The rule's descriptor, with its help link under the configured base when there is one.</summary>
        public DiagnosticDescriptor For(DiagnosticDescriptor rule)
        {
            if (_baseUrl == null) return rule;
            return Copies.GetOrAdd(_baseUrl + "\u0000" + rule.Id, _ => new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                rule.MessageFormat,
                rule.Category,
                rule.DefaultSeverity,
                rule.IsEnabledByDefault,
                rule.Description,
                _baseUrl + rule.Id + ".md",
                System.Linq.Enumerable.ToArray(rule.CustomTags)));
        }
    }
}
