using AllocAnalyzers.Runtime.Costs;
using AllocAnalyzers.Runtime.Model.Allocators;
using AllocAnalyzers.Runtime.Model.Simulation;

namespace AllocAnalyzers.Runtime.Tests.Model.Allocators;

public class AllocatorCatalogTests
{
    [Fact]
    public void Every_platform_has_one_row_and_the_simulator_builds_its_allocator_from_it()
    {
        Assert.Equal(Enum.GetValues<TargetPlatform>().OrderBy(p => p), AllocatorCatalog.Platforms.Select(p => p.Platform).OrderBy(p => p));
        var expected = new Dictionary<TargetPlatform, string> { [TargetPlatform.Linux] = "glibc malloc", [TargetPlatform.MacOS] = "macOS libmalloc", [TargetPlatform.Windows] = "Windows NT heap" };
        foreach (var row in AllocatorCatalog.Platforms)
        {
            var report = Simulator.Run("malloc 1", row.Platform, BuiltInProfiles.For(row.Platform));
            Assert.StartsWith(expected[row.Platform], report.Allocator);
        }
    }

    [Fact]
    public void No_name_selects_two_things()
    {
        var platformNames = AllocatorCatalog.PlatformNames.Select(n => n.ToLowerInvariant()).ToList();
        var variantNames = AllocatorCatalog.MacOSVariantNames.Select(n => n.ToLowerInvariant()).ToList();
        Assert.Equal(platformNames.Count, platformNames.Distinct().Count());
        Assert.Equal(variantNames.Count, variantNames.Distinct().Count());
    }

    [Theory]
    [InlineData("modern-32gib", "modern-32gib")]
    [InlineData("modern-32g", "modern-32gib")]
    [InlineData(" Modern-32G ", "modern-32gib")]
    [InlineData("116", "libmalloc-116")]
    [InlineData("modern", "modern")]
    public void Variant_names_and_aliases_resolve_to_one_variant(string text, string canonical) =>
        Assert.Equal(canonical, AllocatorCatalog.FindMacOSVariant(text)!.Name);

    [Theory]
    [InlineData("osx", TargetPlatform.MacOS)]
    [InlineData("macOS", TargetPlatform.MacOS)]
    [InlineData("win", TargetPlatform.Windows)]
    [InlineData("Linux", TargetPlatform.Linux)]
    public void Platform_names_and_aliases_resolve(string text, TargetPlatform platform) =>
        Assert.Equal(platform, AllocatorCatalog.FindPlatform(text)!.Platform);

    [Fact]
    public void Unknown_names_resolve_to_nothing()
    {
        Assert.Null(AllocatorCatalog.FindPlatform("beos"));
        Assert.Null(AllocatorCatalog.FindMacOSVariant("jemalloc"));
    }

    [Fact]
    public void The_simulations_default_macos_variant_is_the_tables()
    {
        Assert.Same(AllocatorCatalog.DefaultMacOSVariant.Config, new SimulationOptions().MacOS);
        Assert.Equal("libmalloc-116", AllocatorCatalog.DefaultMacOSVariant.Name);
    }
}
