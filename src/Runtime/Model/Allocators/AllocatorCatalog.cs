using System;
using System.Collections.Generic;
using System.Linq;

namespace AllocAnalyzers.Runtime.Model.Allocators
{
    /// <summary>
    /// The one table of the platforms, allocators and allocator variants the model knows, and the names
    /// that select them. The simulator builds its allocators from it; the analyzers' options
    /// (<c>alloc_analyzers.target_platforms</c>, <c>alloc_analyzers.macos_allocator</c>) and the command-line
    /// tool (<c>simulate --platform</c>, <c>--macos-version</c>) parse and list names from it, so a name means
    /// the same everywhere. Canonical names come first; aliases are accepted too (<c>macos</c> for <c>osx</c>,
    /// <c>win</c> for <c>windows</c>, <c>modern-32g</c> for <c>modern-32gib</c>, <c>116</c> for <c>libmalloc-116</c>).
    /// </summary>
    public static class AllocatorCatalog
    {
        /// <summary>Every modelled platform, in a fixed order: Linux, macOS, Windows.</summary>
        public static IReadOnlyList<ModelledPlatform> Platforms { get; } = new[]
        {
            new ModelledPlatform(TargetPlatform.Linux, "linux", Array.Empty<string>(), "Linux", (context, options) => new GlibcMalloc(context, options.GlibcMmapThreshold)),
            new ModelledPlatform(TargetPlatform.MacOS, "osx", new[] { "macos" }, "macOS", (context, options) => new Libmalloc(context, options.MacOS)),
            new ModelledPlatform(TargetPlatform.Windows, "windows", new[] { "win" }, "Windows", (context, options) => new WindowsHeap(context)),
        };

        /// <summary>The libmalloc variants modelled for macOS; the first is the default.</summary>
        public static IReadOnlyList<LibmallocVariant> MacOSVariants { get; } = new[]
        {
            new LibmallocVariant("libmalloc-116", new[] { "116" }, LibmallocConfig.Libmalloc116, "macOS 10.12, the calloc story's"),
            new LibmallocVariant("modern", Array.Empty<string>(), LibmallocConfig.ModernSmallMemory, "libmalloc 283 and later, Mac with less than 32 GiB"),
            new LibmallocVariant("modern-32gib", new[] { "modern-32g" }, LibmallocConfig.ModernLargeMemory, "libmalloc 283 and later, Mac with 32 GiB or more"),
        };

        public static LibmallocVariant DefaultMacOSVariant => MacOSVariants[0];

        /// <summary>The row of <paramref name="platform"/>.</summary>
        public static ModelledPlatform For(TargetPlatform platform) => Platforms.First(p => p.Platform == platform);

        /// <summary>The platform named <paramref name="name"/> (canonical or alias), or null.</summary>
        public static ModelledPlatform? FindPlatform(string name) => Platforms.FirstOrDefault(p => p.IsNamed(name));

        /// <summary>The macOS allocator variant named <paramref name="name"/> (canonical or alias), or null.</summary>
        public static LibmallocVariant? FindMacOSVariant(string name) => MacOSVariants.FirstOrDefault(v => v.IsNamed(name));

        /// <summary>Every name that selects a platform, canonical names first.</summary>
        public static IEnumerable<string> PlatformNames => Platforms.Select(p => p.Name).Concat(Platforms.SelectMany(p => p.Aliases));

        /// <summary>Every name that selects a macOS variant, canonical names first.</summary>
        public static IEnumerable<string> MacOSVariantNames => MacOSVariants.Select(v => v.Name).Concat(MacOSVariants.SelectMany(v => v.Aliases));

        internal static bool Matches(string text, string name, IReadOnlyList<string> aliases)
        {
            if (text == null) return false;
            string trimmed = text.Trim();
            return string.Equals(trimmed, name, StringComparison.OrdinalIgnoreCase)
                || aliases.Any(a => string.Equals(trimmed, a, StringComparison.OrdinalIgnoreCase));
        }
    }
}
