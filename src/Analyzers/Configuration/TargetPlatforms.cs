using System;
using System.Collections.Generic;
using System.Linq;
using AllocAnalyzers.Runtime;
using AllocAnalyzers.Runtime.Model.Allocators;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// The operating systems a project runs on, for rules whose verdict depends on the platform's
    /// allocator (ALLOC007). Read once per compilation, in this order:
    /// the global option <c>alloc_analyzers.target_platforms</c> (a comma list of linux, osx,
    /// windows, or their aliases macos and win: the names of <see cref="AllocatorCatalog"/>) wins; otherwise the MSBuild <c>RuntimeIdentifier</c> and <c>RuntimeIdentifiers</c>
    /// (made compiler-visible by the package's build props); with neither, all three — a portable
    /// library can end up anywhere.
    /// </summary>
    internal sealed class TargetPlatforms
    {
        public const string OptionKey = "alloc_analyzers.target_platforms";
        public const string RuntimeIdentifierKey = "build_property.RuntimeIdentifier";
        public const string RuntimeIdentifiersKey = "build_property.RuntimeIdentifiers";

        /// <summary>
        /// RuntimeIdentifiers with commas for semicolons, set by the package's build targets: the
        /// compiler's analyzer config cuts a value at its first ';' (dotnet/roslyn#43970, #83336), so the
        /// plain RuntimeIdentifiers property only shows its first identifier.
        /// </summary>
        public const string RuntimeIdentifierListKey = "build_property.AllocAnalyzersRuntimeIdentifiers";

        private static readonly TargetPlatform[] All = AllocatorCatalog.Platforms.Select(p => p.Platform).ToArray();

        /// <summary>"linux, osx, windows": the canonical names, in the catalog's order.</summary>
        private static readonly string Names = string.Join(", ", AllocatorCatalog.Platforms.Select(p => p.Name));

        private TargetPlatforms(IReadOnlyList<TargetPlatform> platforms, string source, string? invalidValue, string? problem)
        {
            Platforms = platforms;
            Source = source;
            InvalidValue = invalidValue;
            Problem = problem;
        }

        /// <summary>The targeted platforms, in a fixed order (Linux, macOS, Windows); may be empty when only unmodelled platforms are targeted.</summary>
        public IReadOnlyList<TargetPlatform> Platforms { get; }

        /// <summary>Where the list came from, as a phrase: "the platforms of the RuntimeIdentifier(s)", "all platforms (…)".</summary>
        public string Source { get; }

        /// <summary>The option's text when it could not be used (then the runtime identifiers or the default apply).</summary>
        public string? InvalidValue { get; }

        public string? Problem { get; }

        public bool Contains(TargetPlatform platform) => Platforms.Contains(platform);

        public static TargetPlatforms Read(ConfigurationReader configuration)
        {
            string? option = configuration.GetGlobal(OptionKey);
            string? invalid = null;
            string? problem = null;
            if (option != null)
            {
                if (TryParseOption(option, out var fromOption, out problem)) return new TargetPlatforms(fromOption, "the platforms of " + OptionKey, null, null);
                invalid = option;
            }

            var identifiers = Split(configuration.GetGlobal(RuntimeIdentifierKey), ';', ',')
                .Concat(Split(configuration.GetGlobal(RuntimeIdentifiersKey), ';', ','))
                .Concat(Split(configuration.GetGlobal(RuntimeIdentifierListKey), ';', ','))
                .ToList();
            if (identifiers.Count > 0)
            {
                var set = new HashSet<TargetPlatform>();
                foreach (string rid in identifiers) set.UnionWith(FromRuntimeIdentifier(rid));
                return new TargetPlatforms(Ordered(set), "the platforms of the RuntimeIdentifier(s)", invalid, problem);
            }

            return new TargetPlatforms(All, "all platforms (" + Names + ")", invalid, problem);
        }

        /// <summary>
        /// Platforms of one runtime identifier (https://learn.microsoft.com/dotnet/core/rid-catalog):
        /// linux-*, linux-musl-* → Linux (musl's allocator is not modelled; glibc is the common case);
        /// osx*, maccatalyst* → macOS; win* → Windows; unix → Linux and macOS; any → all.
        /// iOS, Android, browser and the BSDs are not modelled and add nothing.
        /// </summary>
        public static IEnumerable<TargetPlatform> FromRuntimeIdentifier(string rid)
        {
            string r = rid.Trim().ToLowerInvariant();
            if (r.Length == 0) yield break;
            if (r == "any" || r.StartsWith("any-", StringComparison.Ordinal))
            {
                foreach (var p in All) yield return p;
            }
            else if (r == "unix" || r.StartsWith("unix-", StringComparison.Ordinal))
            {
                yield return TargetPlatform.Linux;
                yield return TargetPlatform.MacOS;
            }
            else if (r.StartsWith("linux", StringComparison.Ordinal))
            {
                yield return TargetPlatform.Linux;
            }
            else if (r.StartsWith("osx", StringComparison.Ordinal) || r.StartsWith("maccatalyst", StringComparison.Ordinal))
            {
                yield return TargetPlatform.MacOS;
            }
            else if (r.StartsWith("win", StringComparison.Ordinal))
            {
                yield return TargetPlatform.Windows;
            }
        }

        public static string DisplayName(TargetPlatform platform) => AllocatorCatalog.For(platform).DisplayName;

        private static bool TryParseOption(string text, out IReadOnlyList<TargetPlatform> platforms, out string? problem)
        {
            var set = new HashSet<TargetPlatform>();
            platforms = Array.Empty<TargetPlatform>();
            var names = Split(text, ',').ToList();
            if (names.Count == 0)
            {
                problem = "expected a comma-separated list of " + Names;
                return false;
            }

            foreach (string name in names)
            {
                var platform = AllocatorCatalog.FindPlatform(name);
                if (platform == null)
                {
                    problem = "unknown platform '" + name + "' (expected " + ListWithOr(AllocatorCatalog.Platforms.Select(p => p.Name).ToList()) + ")";
                    return false;
                }

                set.Add(platform.Platform);
            }

            platforms = Ordered(set);
            problem = null;
            return true;
        }

        private static string ListWithOr(IReadOnlyList<string> names) =>
            names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];

        private static IReadOnlyList<TargetPlatform> Ordered(HashSet<TargetPlatform> set) => All.Where(set.Contains).ToArray();

        private static IEnumerable<string> Split(string? text, params char[] separators) =>
            (text ?? string.Empty).Split(separators).Select(s => s.Trim()).Where(s => s.Length > 0);
    }
}
