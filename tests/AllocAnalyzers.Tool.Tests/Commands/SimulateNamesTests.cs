namespace AllocAnalyzers.Tool.Tests.Commands;

/// <summary><c>simulate</c> takes its platform and libmalloc names from the table the analyzers read: canonical names and aliases alike.</summary>
public class SimulateNamesTests
{
    [Fact]
    public void Canonical_and_alias_names_of_the_32_GiB_variant_simulate_the_same_allocator()
    {
        var (canonicalCode, canonical, _) = ToolRunner.Run("simulate", "-p", "osx", "--brief", "--macos-version", "modern-32gib", "calloc 400MiB; free x 100");
        var (aliasCode, alias, _) = ToolRunner.Run("simulate", "-p", "macos", "--brief", "--macos-version", "modern-32g", "calloc 400MiB; free x 100");
        Assert.Equal(0, canonicalCode);
        Assert.Equal(0, aliasCode);
        Assert.Contains("38.7 GiB", canonical); // 99 × 400 MiB zeroed: served from the 512 MiB-entry cache
        Assert.Equal(canonical, alias);
    }

    [Fact]
    public void Windows_alias_selects_the_NT_heap()
    {
        var (code, output, error) = ToolRunner.Run("simulate", "-p", "win", "--brief", "calloc 1MiB; free x 10");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Windows NT heap", output);
        Assert.DoesNotContain("glibc", output);
    }

    [Fact]
    public void Help_lists_the_canonical_names_with_their_aliases()
    {
        var (code, output, _) = ToolRunner.Run("simulate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("osx (macos)", output);
        Assert.Contains("modern-32gib (modern-32g)", output);
    }

    [Fact]
    public void Unknown_macos_version_is_a_usage_error()
    {
        var (code, _, error) = ToolRunner.Run("simulate", "--macos-version", "modern-64g", "malloc 1");
        Assert.Equal(1, code);
        Assert.Contains("modern-64g", error);
    }
}
