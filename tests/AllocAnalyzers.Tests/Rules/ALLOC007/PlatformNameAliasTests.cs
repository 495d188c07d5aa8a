using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC007;

/// <summary>The options take the same platform and libmalloc names as the command-line tool: canonical names and their aliases.</summary>
public class PlatformNameAliasTests
{
    // 200 MiB: cached (and zeroed on every hit) only by libmalloc 283+ on Macs with 32 GiB or more.
    private const string Cached = "while (flag) { var p = {|ALLOC007:NativeMemory.AllocZeroed(200 << 20)|}; Use((byte*)p); NativeMemory.Free(p); }";
    private const string HundredMiB = "while (flag) { var p = {|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; Use((byte*)p); NativeMemory.Free(p); }";

    private static TestOptions Options(string platforms, string? allocator = null) => new()
    {
        GlobalConfig = "alloc_analyzers.target_platforms = " + platforms + "\n" + (allocator == null ? "" : "alloc_analyzers.macos_allocator = " + allocator + "\n"),
    };

    [Theory]
    [InlineData("modern-32gib")]
    [InlineData("modern-32g")]
    [InlineData("MODERN-32G")]
    public async Task The_32_GiB_variant_answers_to_its_alias(string allocator)
    {
        var diagnostics = await Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(Cached), Options("osx", allocator));
        // 200 MiB is above libmalloc-116's 128 MiB cache entries: only the 32 GiB variant caches (and re-zeroes) it.
        Assert.Contains("on macOS", diagnostics.Single().GetMessage());
    }

    [Theory]
    [InlineData("macos")]
    [InlineData("linux, macos")]
    [InlineData("win, osx")]
    public Task Platform_aliases_select_macOS(string platforms) =>
        Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(HundredMiB), Options(platforms));

    [Fact]
    public Task Windows_alias_alone_is_quiet_at_100_MiB() =>
        Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(HundredMiB.Replace("{|ALLOC007:", "").Replace("|}", "")), Options("win"));

    [Fact]
    public async Task Unknown_platform_lists_the_canonical_names()
    {
        var diagnostics = await Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(HundredMiB), new TestOptions
        {
            GlobalConfig = "alloc_analyzers.target_platforms = amiga\n",
            ExpectedProjectDiagnostics = new[] { "ALLOC900" },
        });
        Assert.Contains("unknown platform 'amiga' (expected linux, osx or windows)", diagnostics.Single(d => d.Id == "ALLOC900").GetMessage());
    }
}
