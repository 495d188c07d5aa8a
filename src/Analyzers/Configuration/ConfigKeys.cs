using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// The keys of a set of options. <see cref="AnalyzerConfigOptions.Keys"/> is virtual and throws in
    /// an options type that does not override it (a host's or a tool's own provider): then the keys
    /// cannot be listed, and the checks that need them (unknown and misplaced keys) are skipped rather
    /// than failing the analyzer.
    /// </summary>
    internal static class ConfigKeys
    {
        public static IEnumerable<string> Of(AnalyzerConfigOptions options)
        {
            try
            {
                return new List<string>(options.Keys);
            }
            catch (NotImplementedException)
            {
                return Array.Empty<string>();
            }
            catch (NotSupportedException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
