using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// Reads AllocAnalyzers settings for one compilation: per-file options (.editorconfig sections)
    /// through the tree's options, project-wide ones from the .globalconfig. Invalid values are
    /// reported by the readers of each setting (<see cref="ByteOption"/>, <see cref="SettingsAnalyzer"/>).
    /// </summary>
    internal sealed class ConfigurationReader
    {
        private readonly AnalyzerConfigOptionsProvider _provider;

        public ConfigurationReader(AnalyzerOptions options)
        {
            _provider = options.AnalyzerConfigOptionsProvider;
            HelpLinks = HelpLinks.Read(_provider);
        }

        public HelpLinks HelpLinks { get; }

        /// <summary>
        /// A per-file option for <paramref name="tree"/>, or null when it is not set. A value set in a
        /// .globalconfig applies to every file: the compiler keeps a .globalconfig's top-level keys in
        /// the global options only, not in each tree's, so those are read when the tree has none.
        /// </summary>
        public string? Get(SyntaxTree tree, string key) =>
            _provider.GetOptions(tree).TryGetValue(key, out string? value) ? value : GetGlobal(key);

        /// <summary>A global option (from a .globalconfig), or null when it is not set.</summary>
        public string? GetGlobal(string key) =>
            _provider.GlobalOptions.TryGetValue(key, out string? value) ? value : null;

        /// <summary>The options the compiler gives <paramref name="tree"/>.</summary>
        public AnalyzerConfigOptions ForTree(SyntaxTree tree) => _provider.GetOptions(tree);

        /// <summary>The project-wide options.</summary>
        public AnalyzerConfigOptions Global => _provider.GlobalOptions;
    }
}
