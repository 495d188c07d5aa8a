using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AllocAnalyzers.Profiles
{
    /// <summary>An unreadable site summary is reported once per compilation, by whichever analyzer gets there first.</summary>
    internal static class SummaryErrorClaims
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, byte>> Reported =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<string, byte>>();

        /// <summary>True exactly once per compilation and file: the caller reports it.</summary>
        public static bool Claim(Compilation compilation, string path) =>
            Reported.GetValue(compilation, _ => new ConcurrentDictionary<string, byte>()).TryAdd(path, 0);
    }
}
