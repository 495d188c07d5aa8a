using System;
using System.Collections.Concurrent;
using System.Globalization;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// Reads AllocAnalyzers settings for one compilation. A malformed value is reported once as
    /// ALLOC900 (not once per use) and replaced by the default, so a typo never silences a rule
    /// or crashes the analyzer.
    /// </summary>
    internal sealed class ConfigurationReader
    {
        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly ConcurrentDictionary<string, byte> _reported = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        public ConfigurationReader(AnalyzerOptions options)
        {
            _provider = options.AnalyzerConfigOptionsProvider;
        }

        /// <summary>A byte-count option of a rule, at least <paramref name="minimum"/>.</summary>
        public long GetByteCount(SyntaxTree tree, string ruleId, string option, long defaultValue, Action<Diagnostic> report, long minimum = 1)
        {
            string key = OptionKeys.Rule(ruleId, option);
            if (!_provider.GetOptions(tree).TryGetValue(key, out string? text))
            {
                return defaultValue;
            }

            if (!ByteSize.TryParse(text, out long value, out string error))
            {
                ReportOnce(key, text, error, defaultValue.ToString(CultureInfo.InvariantCulture), report);
                return defaultValue;
            }

            if (value < minimum)
            {
                ReportOnce(key, text, "the value must be at least " + minimum.ToString(CultureInfo.InvariantCulture), defaultValue.ToString(CultureInfo.InvariantCulture), report);
                return defaultValue;
            }

            return value;
        }

        /// <summary>A rule's option that takes one of <paramref name="allowed"/> (compared without case).</summary>
        public string GetChoice(SyntaxTree tree, string ruleId, string option, string[] allowed, string defaultValue, Action<Diagnostic> report)
        {
            string key = OptionKeys.Rule(ruleId, option);
            if (!_provider.GetOptions(tree).TryGetValue(key, out string? text)) return defaultValue;
            foreach (var choice in allowed)
            {
                if (string.Equals(choice, text.Trim(), StringComparison.OrdinalIgnoreCase)) return choice;
            }

            ReportOnce(key, text, "expected one of " + string.Join(", ", allowed), defaultValue, report);
            return defaultValue;
        }

        /// <summary>A global option (from a .globalconfig), or null when it is not set.</summary>
        public string? GetGlobal(string key) =>
            _provider.GlobalOptions.TryGetValue(key, out string? value) ? value : null;

        /// <summary>Reports an invalid setting the first time this key and value are seen in the compilation.</summary>
        public void ReportOnce(string key, string? value, string problem, string fallback, Action<Diagnostic> report)
        {
            if (_reported.TryAdd(key + "\u0000" + value, 0))
            {
                report(Diagnostic.Create(ConfigurationDiagnostics.InvalidConfiguration, Location.None, key, value ?? string.Empty, problem, fallback));
            }
        }
    }
}
