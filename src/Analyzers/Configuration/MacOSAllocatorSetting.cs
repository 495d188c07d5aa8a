using System;
using AllocAnalyzers.Runtime.Model.Allocators;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// Which libmalloc ALLOC007 models for macOS, from the global option
    /// <c>alloc_analyzers.macos_allocator</c>: the large-block cache's band moves with the version and
    /// the machine's memory (shared/FACTS.md). <c>libmalloc-116</c> (the calloc story's, the default):
    /// large from 127 KB, cache entries up to 128 MiB; <c>modern</c>: libmalloc 283+ on a Mac with less
    /// than 32 GiB, large from 32 KB, entries up to 128 MiB; <c>modern-32gib</c>: 283+ with 32 GiB or
    /// more, medium up to 8 MiB, 64 entries up to 512 MiB.
    /// </summary>
    internal sealed class MacOSAllocatorSetting
    {
        public const string OptionKey = "alloc_analyzers.macos_allocator";
        public const string DefaultName = "libmalloc-116";

        private MacOSAllocatorSetting(LibmallocConfig config, string? invalidValue)
        {
            Config = config;
            InvalidValue = invalidValue;
        }

        public LibmallocConfig Config { get; }

        /// <summary>The option's text when it named no known allocator (the default applies).</summary>
        public string? InvalidValue { get; }

        public const string Expected = "expected one of libmalloc-116, modern, modern-32gib";

        public static MacOSAllocatorSetting Read(ConfigurationReader configuration)
        {
            string? value = configuration.GetGlobal(OptionKey);
            if (value == null) return new MacOSAllocatorSetting(LibmallocConfig.Libmalloc116, null);
            switch (value.Trim().ToLowerInvariant())
            {
                case "libmalloc-116":
                case "116":
                    return new MacOSAllocatorSetting(LibmallocConfig.Libmalloc116, null);
                case "modern":
                    return new MacOSAllocatorSetting(LibmallocConfig.ModernSmallMemory, null);
                case "modern-32gib":
                    return new MacOSAllocatorSetting(LibmallocConfig.ModernLargeMemory, null);
                default:
                    return new MacOSAllocatorSetting(LibmallocConfig.Libmalloc116, value);
            }
        }
    }
}
