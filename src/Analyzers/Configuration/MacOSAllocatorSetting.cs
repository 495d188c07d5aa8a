using System.Linq;
using AllocAnalyzers.Runtime.Model.Allocators;

namespace AllocAnalyzers.Configuration
{
    /// <summary>
    /// Which libmalloc ALLOC007 models for macOS, from the global option
    /// <c>alloc_analyzers.macos_allocator</c>: the large-block cache's band moves with the version and
    /// the machine's memory (apple-oss-distributions/libmalloc, src/thresholds.h and src/large.c; see
    /// <see cref="LibmallocConfig"/>). <c>libmalloc-116</c> (the calloc story's, the default):
    /// large from 127 KB, cache entries up to 128 MiB; <c>modern</c>: libmalloc 283+ on a Mac with less
    /// than 32 GiB, large from 32 KB, entries up to 128 MiB; <c>modern-32gib</c> (alias <c>modern-32g</c>):
    /// 283+ with 32 GiB or more, medium up to 8 MiB, 64 entries up to 512 MiB. The names, aliases and
    /// variants come from <see cref="AllocatorCatalog"/>, which the command-line tool reads too.
    /// </summary>
    internal sealed class MacOSAllocatorSetting
    {
        public const string OptionKey = "alloc_analyzers.macos_allocator";
        public static readonly string DefaultName = AllocatorCatalog.DefaultMacOSVariant.Name;

        private MacOSAllocatorSetting(LibmallocConfig config, string? invalidValue)
        {
            Config = config;
            InvalidValue = invalidValue;
        }

        public LibmallocConfig Config { get; }

        /// <summary>The option's text when it named no known allocator (the default applies).</summary>
        public string? InvalidValue { get; }

        public static readonly string Expected = "expected one of " + string.Join(", ", AllocatorCatalog.MacOSVariants.Select(v => v.Name));

        public static MacOSAllocatorSetting Read(ConfigurationReader configuration)
        {
            string? value = configuration.GetGlobal(OptionKey);
            if (value == null) return new MacOSAllocatorSetting(AllocatorCatalog.DefaultMacOSVariant.Config, null);
            var variant = AllocatorCatalog.FindMacOSVariant(value);
            return variant != null
                ? new MacOSAllocatorSetting(variant.Config, null)
                : new MacOSAllocatorSetting(AllocatorCatalog.DefaultMacOSVariant.Config, value);
        }
    }
}
