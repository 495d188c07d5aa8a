using AllocAnalyzers.Configuration;
using AllocAnalyzers.Runtime;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC007;

public class TargetPlatformsTests
{
    [Theory]
    [InlineData("linux-x64", "Linux")]
    [InlineData("linux-musl-arm64", "Linux")]
    [InlineData("osx-arm64", "MacOS")]
    [InlineData("osx.13-x64", "MacOS")]
    [InlineData("maccatalyst-arm64", "MacOS")]
    [InlineData("win-x64", "Windows")]
    [InlineData("win10-arm64", "Windows")]
    [InlineData("unix", "Linux,MacOS")]
    [InlineData("any", "Linux,MacOS,Windows")]
    [InlineData("ios-arm64", "")]
    [InlineData("android-arm64", "")]
    [InlineData("browser-wasm", "")]
    [InlineData(" ", "")]
    public void Runtime_identifiers_map_to_modelled_platforms(string rid, string expected) =>
        Assert.Equal(expected, string.Join(",", TargetPlatforms.FromRuntimeIdentifier(rid)));

    [Fact]
    public Task An_invalid_option_falls_back_to_the_runtime_identifier() => Verify.VerifyAsync(
        PlatformAllocatorPathologyAnalyzerTests.InMethod("while (flag) { var p = NativeMemory.AllocZeroed(100 << 20); NativeMemory.Free(p); }"),
        new Verification.TestOptions
        {
            GlobalConfig = "alloc_analyzers.target_platforms = linux, beos\nbuild_property.RuntimeIdentifier = linux-x64\n",
            ExpectedProjectDiagnostics = new[] { "ALLOC900" },
        });

    [Fact]
    public Task The_first_runtime_identifier_survives_the_semicolon_cut() => Verify.VerifyAsync(
        PlatformAllocatorPathologyAnalyzerTests.InMethod("while (flag) { var p = {|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; NativeMemory.Free(p); }"),
        new Verification.TestOptions { GlobalConfig = "build_property.RuntimeIdentifiers = osx-arm64;linux-x64\n" });
}
