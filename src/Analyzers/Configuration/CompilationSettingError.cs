using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AllocAnalyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// A setting of the whole compilation that cannot be used — a broken calibrated cost profile, an
    /// unreadable site summary. Every analyzer sees it; ALLOC900 is reported once per compilation,
    /// by whichever analyzer claims it first.
    /// </summary>
    internal sealed class CompilationSettingError
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, byte>> Reported =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<string, byte>>();

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

        /// <summary>True exactly once per compilation for this key and value: the caller reports it.</summary>
        public bool Claim(Compilation compilation) =>
            Reported.GetValue(compilation, _ => new ConcurrentDictionary<string, byte>()).TryAdd(Key + "\u0000" + Value, 0);

        public Diagnostic ToDiagnostic(HelpLinks links) =>
            Diagnostic.Create(links.For(ConfigurationDiagnostics.InvalidConfiguration), Location.None, Key, Value, Problem, Fallback);
    }
}
