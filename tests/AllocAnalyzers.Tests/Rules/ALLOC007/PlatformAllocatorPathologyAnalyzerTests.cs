using AllocAnalyzers.Rules.PlatformAllocatorPathology;
using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.PlatformAllocatorPathology.PlatformAllocatorPathologyAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC007;

public class PlatformAllocatorPathologyAnalyzerTests
{
    internal static string InMethod(string body, string members = "") => $$"""
        using System;
        using System.Runtime.InteropServices;

        public unsafe partial class C
        {
            [DllImport("libc")] static extern IntPtr calloc(nuint count, nuint size);
            [DllImport("libc")] static extern void free(IntPtr p);
            [DllImport("libc", EntryPoint = "calloc")] static extern void* ZeroedBlock(nuint count, nuint size);
            [DllImport("libc", EntryPoint = "free")] static extern void Release(void* p);
            [DllImport("libc")] static extern nint read(int fd, byte* buf, nint count);
            {{members}}
            public void M(int count, bool flag, int fd)
            {
                {{body}}
            }

            static void Use(byte* p) { }
        }
        """;

    internal static TestOptions Targets(string? option = null, string? rid = null, string? rids = null)
    {
        var lines = new List<string>();
        if (option != null) lines.Add("alloc_analyzers.target_platforms = " + option);
        if (rid != null) lines.Add("build_property.RuntimeIdentifier = " + rid);
        if (rids != null) lines.Add("build_property.AllocAnalyzersRuntimeIdentifiers = " + rids);
        return new TestOptions { GlobalConfig = string.Join("\n", lines) + "\n" };
    }

    [Theory]
    [InlineData("for (int i = 0; i < count; i++) { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; Use(p); NativeMemory.Free(p); }")]
    [InlineData("while (flag) { var p = {|ALLOC007:NativeMemory.AllocZeroed(1 << 20)|}; Use((byte*)p); NativeMemory.Free(p); }")]
    [InlineData("while (flag) { var p = {|ALLOC007:NativeMemory.AllocZeroed(1024, 1024)|}; NativeMemory.Free(p); }")]
    [InlineData("while (flag) { IntPtr p = {|ALLOC007:calloc(1, 100 << 20)|}; Use((byte*)p); free(p); }")]
    [InlineData("while (flag) { void* p = {|ALLOC007:ZeroedBlock(100, 1 << 20)|}; Release(p); }")]
    [InlineData("do { byte* p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(130048)|}; read(fd, p, 16384); NativeMemory.Free(p); } while (flag);")]
    [InlineData("byte* p; while (flag) { p = (byte*){|ALLOC007:NativeMemory.AllocZeroed(16 << 20)|}; Use(p); NativeMemory.Free(p); }")]
    [InlineData("foreach (var x in new[] { 1, 2 }) { const int size = 8 << 20; var p = {|ALLOC007:NativeMemory.AllocZeroed(size)|}; try { Use((byte*)p); } finally { NativeMemory.Free(p); } }")]
    public Task Flags_zeroed_block_freed_and_reallocated_in_loop(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed((nuint)(1000L << 20)); NativeMemory.Free(p); }")] // above every cache's entry limit, above glibc's mmap maximum
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(64 << 10); NativeMemory.Free(p); }")] // below min_bytes
    [InlineData("while (flag) { var p = NativeMemory.Alloc(100 << 20); NativeMemory.Free(p); }")] // not zeroed
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed((nuint)count); NativeMemory.Free(p); }")] // size unknown
    [InlineData("var p = NativeMemory.AllocZeroed(100 << 20); NativeMemory.Free(p);")] // not repeated
    [InlineData("void* p = null; while (flag) { p = NativeMemory.AllocZeroed(100 << 20); } NativeMemory.Free(p);")] // not freed in the loop
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(100 << 20); Use((byte*)p); }")] // never freed: a leak, not a cache hit
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(100 << 20); NativeMemory.Free(p); return; }")] // runs once
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(100 << 20); var q = NativeMemory.AllocZeroed(16); NativeMemory.Free(q); }")]
    [InlineData("while (flag) { var p = NativeMemory.AlignedAlloc(100 << 20, 64); NativeMemory.AlignedFree(p); }")]
    public Task Quiet_where_no_platform_re_zeroes(string body) => Verify.VerifyAsync(InMethod(body));

    private const string HundredMiB = "while (flag) { var p = NativeMemory.AllocZeroed(100 << 20); NativeMemory.Free(p); }";
    private const string HundredMiBFlagged = "while (flag) { var p = {|ALLOC007:NativeMemory.AllocZeroed(100 << 20)|}; NativeMemory.Free(p); }";
    private const string SixteenMiB = "while (flag) { var p = NativeMemory.AllocZeroed(16 << 20); NativeMemory.Free(p); }";
    private const string SixteenMiBFlagged = "while (flag) { var p = {|ALLOC007:NativeMemory.AllocZeroed(16 << 20)|}; NativeMemory.Free(p); }";

    [Fact]
    public Task Quiet_for_100_MiB_when_macOS_is_not_targeted_by_option() => Verify.VerifyAsync(InMethod(HundredMiB), Targets(option: "linux, windows"));

    [Fact]
    public Task Flags_100_MiB_when_option_targets_osx() => Verify.VerifyAsync(InMethod(HundredMiBFlagged), Targets(option: "osx"));

    [Fact]
    public Task Quiet_for_100_MiB_with_a_linux_runtime_identifier() => Verify.VerifyAsync(InMethod(HundredMiB), Targets(rid: "linux-x64"));

    [Fact]
    public Task Flags_100_MiB_with_an_osx_runtime_identifier() => Verify.VerifyAsync(InMethod(HundredMiBFlagged), Targets(rid: "osx-arm64"));

    [Fact]
    public Task Flags_100_MiB_when_runtime_identifiers_include_osx() => Verify.VerifyAsync(InMethod(HundredMiBFlagged), Targets(rids: "linux-x64,win-x64,osx-arm64"));

    [Fact]
    public Task Quiet_for_100_MiB_when_runtime_identifiers_exclude_osx() => Verify.VerifyAsync(InMethod(HundredMiB), Targets(rids: "linux-x64,win-x64,linux-musl-arm64"));

    [Fact]
    public Task Option_wins_over_runtime_identifier_both_ways() => Task.WhenAll(
        Verify.VerifyAsync(InMethod(HundredMiB), Targets(option: "linux", rid: "osx-x64")),
        Verify.VerifyAsync(InMethod(HundredMiBFlagged), Targets(option: "osx", rid: "linux-x64")));

    [Fact]
    public Task Quiet_when_only_unmodelled_platforms_are_targeted() => Verify.VerifyAsync(InMethod(HundredMiB), Targets(rid: "ios-arm64"));

    [Fact]
    public Task Linux_glibc_band_is_flagged_on_linux_alone() => Verify.VerifyAsync(InMethod(SixteenMiBFlagged), Targets(option: "linux"));

    [Fact]
    public Task Windows_alone_has_no_pathology_at_16_MiB() => Verify.VerifyAsync(InMethod(SixteenMiB), Targets(option: "windows"));

    [Fact]
    public async Task Message_states_each_platform_cost_side_by_side()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod(HundredMiBFlagged));
        string message = diagnostics.Single().GetMessage();
        Assert.Matches(@"^'NativeMemory.AllocZeroed\(100 << 20\)' is freed and allocated again on every loop iteration, and the allocator zero-fills all 100 MiB each time: about [\d.]+ ms per iteration on macOS$", message);
        Assert.True(message.Length <= 200, message);
        var properties = diagnostics.Single().Properties;
        Assert.Equal("false", properties[PlatformAllocatorPathologyAnalyzer.FullyZeroedEverywhereProperty]);
        Assert.Equal("macos", properties[PlatformAllocatorPathologyAnalyzer.ZeroingPlatformsProperty]);
        Assert.Equal("macos-2016-seed", properties["CostProfile"]);
        Assert.Contains("large-block cache", properties["Explanation"]);
    }

    [Fact]
    public async Task Message_names_every_platform_that_re_zeroes()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod(SixteenMiBFlagged), Targets(option: "linux,osx"));
        // The worst platform first: the calloc story's Mac zeroes far slower than the reference Linux machine.
        Assert.Matches(@"zero-fills all 16 MiB each time: about [\d.]+ ms per iteration on macOS, [\d.]+ (µs|ms) on Linux x64$", diagnostics.Single().GetMessage());
        Assert.Equal("macos,linux", diagnostics.Single().Properties[PlatformAllocatorPathologyAnalyzer.ZeroingPlatformsProperty]);
        Assert.Equal("macos", diagnostics.Single().Properties["Platform"]);
        Assert.Equal("true", diagnostics.Single().Properties[PlatformAllocatorPathologyAnalyzer.FullyZeroedEverywhereProperty]);
    }

    [Fact]
    public Task Min_bytes_is_configurable() => Verify.VerifyAsync(
        InMethod("while (flag) { var p = NativeMemory.AllocZeroed(130048); NativeMemory.Free(p); }"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC007.min_bytes = 1MiB\n" });

    [Fact]
    public async Task Invalid_target_platforms_reports_ALLOC900_and_uses_the_default()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod(HundredMiBFlagged), new TestOptions
        {
            GlobalConfig = "alloc_analyzers.target_platforms = linux, beos\n",
            ExpectedProjectDiagnostics = new[] { "ALLOC900" },
        });
        string message = diagnostics.Single(d => d.Id == "ALLOC900").GetMessage();
        Assert.Contains("alloc_analyzers.target_platforms", message);
        Assert.Contains("unknown platform 'beos'", message);
        Assert.Contains("using all platforms (linux, osx, windows) instead", message);
    }

    [Fact]
    public Task Invalid_min_bytes_reports_ALLOC900() => Verify.VerifyAsync(InMethod(HundredMiBFlagged), new TestOptions
    {
        EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC007.min_bytes = huge\n",
        ExpectedProjectDiagnostics = new[] { "ALLOC900" },
    });

    [Fact]
    public Task LibraryImport_calloc_is_recognized() => Verify.VerifyAsync("""
        using System.Runtime.InteropServices;
        public static unsafe partial class N
        {
            [LibraryImport("libc", EntryPoint = "calloc")] private static partial void* Calloc(nuint n, nuint size);
            [LibraryImport("libc", EntryPoint = "free")] private static partial void Free(void* p);
            private static partial void* Calloc(nuint n, nuint size) => null;
            private static partial void Free(void* p) { }

            public static void M(int n)
            {
                for (int i = 0; i < n; i++) { void* p = {|ALLOC007:Calloc(1, 100 << 20)|}; Free(p); }
            }
        }
        """);

    [Theory]
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(100 << 20)")]
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(100 << 20); NativeMemory.Free( }")]
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(); NativeMemory.Free(p); }")]
    [InlineData("while (flag) { var p = calloc(1, ); free(p); }")]
    [InlineData("while (flag) { var p = NativeMemory.AllocZeroed(100 << 20, ); NativeMemory.Free(p); }")]
    [InlineData("while () { var p = Missing.AllocZeroed(100 << 20); NativeMemory.Free(p); }")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PlatformAllocatorPathologyAnalyzer()));
    }
}
