using AllocAnalyzers.Runtime.Costs;

namespace AllocAnalyzers.Runtime.Tests.Costs;

public class CostProfileConfigTests
{
    private static Func<string, string?> Lookup(string globalconfig)
    {
        var values = new Dictionary<string, string>();
        foreach (var raw in globalconfig.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('[')) continue;
            int eq = line.IndexOf('=');
            values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        return key => values.TryGetValue(key, out var v) ? v : null;
    }

    [Fact]
    public void Written_profile_reads_back_identically()
    {
        foreach (var profile in BuiltInProfiles.All)
        {
            string text = CostProfileConfig.Write(profile);
            Assert.Contains("is_global = true", text);
            Assert.True(CostProfileConfig.TryRead(Lookup(text), out var read, out var error), error);
            Assert.Equal(profile.Name, read!.Name);
            Assert.Equal(profile.Version, read.Version);
            foreach (var field in CostProfileFields.Numeric) Assert.Equal(field.Get(profile), field.Get(read));
        }
    }

    [Fact]
    public void No_keys_means_not_configured_without_error()
    {
        Assert.False(CostProfileConfig.TryRead(_ => null, out var profile, out var error));
        Assert.Null(profile);
        Assert.Null(error);
    }

    [Fact]
    public void Missing_fields_come_from_the_base_profile()
    {
        var lookup = Lookup("alloc_analyzers.cost_profile.base = macos-2016-seed\nalloc_analyzers.cost_profile.page_fault_seconds = 1e-6");
        Assert.True(CostProfileConfig.TryRead(lookup, out var p, out _));
        Assert.Equal(1e-6, p!.PageFaultSeconds);
        Assert.Equal(BuiltInProfiles.MacOS2016Seed.ZeroingBytesPerSecondLarge, p.ZeroingBytesPerSecondLarge);
    }

    [Theory]
    [InlineData("alloc_analyzers.cost_profile.page_fault_seconds = fast", "alloc_analyzers.cost_profile.page_fault_seconds: expected a number of seconds", "got 'fast'")]
    [InlineData("alloc_analyzers.cost_profile.page_fault_seconds = -1", "alloc_analyzers.cost_profile.page_fault_seconds: expected a non-negative", "got -1")]
    [InlineData("alloc_analyzers.cost_profile.zeroing_bandwidth_large = 0", "zeroing_bandwidth_large: expected a positive", "got 0")]
    [InlineData("alloc_analyzers.cost_profile.gen0_budget_bytes = 1.5", "gen0_budget_bytes: expected a whole number of bytes", "1.5")]
    [InlineData("alloc_analyzers.cost_profile.version = two", "alloc_analyzers.cost_profile.version: expected a positive integer", "'two'")]
    [InlineData("alloc_analyzers.cost_profile.base = sparc", "base: unknown built-in profile 'sparc'", "linux-x64-reference")]
    [InlineData("alloc_analyzers.cost_profile.zeroing_large_bytes = 1024", "zeroing_large_bytes: expected more than zeroing_cache_bytes", "got 1024")]
    [InlineData("alloc_analyzers.cost_profile.map_seconds = 1,5", "map_seconds: expected a number", "'1,5'")]
    public void Errors_name_the_key_the_value_and_the_expectation(string config, string part1, string part2)
    {
        Assert.False(CostProfileConfig.TryRead(Lookup(config), out var profile, out var error));
        Assert.Null(profile);
        Assert.Contains(part1, error);
        Assert.Contains(part2, error);
    }

    [Fact]
    public void Numbers_are_culture_invariant()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            string text = CostProfileConfig.Write(BuiltInProfiles.LinuxReference);
            Assert.Contains("page_fault_seconds = 1.39E-06", text);
            Assert.True(CostProfileConfig.TryRead(Lookup(text), out _, out var error), error);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Builder_rejects_invalid_values_naming_the_key()
    {
        var b = BuiltInProfiles.LinuxReference.ToBuilder();
        b.PageFaultSeconds = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => b.Build());
        Assert.Contains("page_fault_seconds", e.Message);
    }

    [Fact]
    public void For_returns_a_profile_per_platform()
    {
        Assert.Same(BuiltInProfiles.LinuxReference, BuiltInProfiles.For(TargetPlatform.Linux));
        Assert.Same(BuiltInProfiles.MacOS2016Seed, BuiltInProfiles.For(TargetPlatform.MacOS));
        Assert.Same(BuiltInProfiles.WindowsDerived, BuiltInProfiles.For(TargetPlatform.Windows));
        Assert.Same(BuiltInProfiles.LinuxReference, BuiltInProfiles.Default);
    }
}
