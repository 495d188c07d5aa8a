using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC007;

/// <summary>The macOS large-cache band moves with the libmalloc version and the machine's memory; the option picks it.</summary>
public class MacOSAllocatorSettingTests
{
    // 200 MiB: above libmalloc-116's 128 MiB entry limit and glibc's 32 MiB mmap maximum, under the 512 MiB entries of 32 GiB Macs.
    private static string Body(bool flagged)
    {
        string allocation = flagged ? "{|ALLOC007:NativeMemory.AllocZeroed(200 << 20)|}" : "NativeMemory.AllocZeroed(200 << 20)";
        return "while (flag) { var p = " + allocation + "; Use((byte*)p); NativeMemory.Free(p); }";
    }

    private static TestOptions MacOS(string? allocator, params string[] expectedProjectDiagnostics) => new()
    {
        GlobalConfig = "alloc_analyzers.target_platforms = osx\n" + (allocator == null ? "" : "alloc_analyzers.macos_allocator = " + allocator + "\n"),
        ExpectedProjectDiagnostics = expectedProjectDiagnostics,
    };

    [Fact]
    public Task Default_libmalloc_116_does_not_cache_200_MiB() =>
        Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(Body(false)), MacOS(null));

    [Fact]
    public async Task Large_memory_macs_cache_200_MiB_blocks_and_zero_them_every_time()
    {
        var diagnostics = await Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(Body(true)), MacOS("modern-32gib"));
        Assert.Contains(">=32 GiB", diagnostics.Single().Properties["Explanation"]);
    }

    [Fact]
    public Task Modern_small_memory_macs_keep_the_128_MiB_limit() =>
        Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(Body(false)), MacOS("modern"));

    [Fact]
    public async Task Unknown_allocator_is_ALLOC900_and_the_default_applies()
    {
        var diagnostics = await Verify.VerifyAsync(PlatformAllocatorPathologyAnalyzerTests.InMethod(Body(false)), MacOS("jemalloc", "ALLOC900"));
        Assert.Contains("alloc_analyzers.macos_allocator", diagnostics.Single().GetMessage());
        Assert.Contains("libmalloc-116", diagnostics.Single().GetMessage());
    }
}
