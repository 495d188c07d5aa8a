using System.Collections.Immutable;
using AllocAnalyzers.Rules.NativeAllocThenClear;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.NativeAllocThenClear.NativeAllocThenClearAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC006;

public class NativeAllocThenClearAnalyzerTests
{
    internal static string InMethod(string body, string members = "") => $$"""
        using System;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        public unsafe class C
        {
            {{members}}
            public void M(int size, nuint n, bool flag)
            {
                {{body}}
            }

            static void Use(byte* p) { }
        }
        """;

    [Theory]
    [InlineData("byte* p = (byte*)[|NativeMemory.Alloc(4096)|]; NativeMemory.Clear(p, 4096); Use(p); NativeMemory.Free(p);")]
    [InlineData("void* p = [|NativeMemory.Alloc(n)|]; NativeMemory.Clear(p, n); NativeMemory.Free(p);")]
    [InlineData("IntPtr p = [|Marshal.AllocHGlobal(size)|]; new Span<byte>((void*)p, size).Clear(); Marshal.FreeHGlobal(p);")]
    [InlineData("IntPtr p = [|Marshal.AllocHGlobal(1 << 20)|]; Unsafe.InitBlockUnaligned((void*)p, 0, 1 << 20); Marshal.FreeHGlobal(p);")]
    [InlineData("byte* p = (byte*)[|NativeMemory.Alloc(65536)|]; Unsafe.InitBlock(p, 0, 65536); Use(p);")]
    [InlineData("int* p = (int*)[|NativeMemory.Alloc(4000)|]; for (int i = 0; i < 1000; i++) p[i] = 0; NativeMemory.Free(p);")]
    [InlineData("long* p = (long*)[|NativeMemory.Alloc(8000)|]; new Span<long>(p, 1000).Fill(0); NativeMemory.Free(p);")]
    [InlineData("var p = [|NativeMemory.Alloc(1000, 8)|]; NativeMemory.Clear(p, 8000); NativeMemory.Free(p);")]
    public Task Flags_native_allocation_cleared_in_full_before_use(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); NativeMemory.Clear(p, 2048); Use(p);")] // partial
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); NativeMemory.Clear(p + 16, 4080); Use(p);")] // not from the start
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); Unsafe.InitBlock(p, 0xFF, 4096); Use(p);")] // non-zero fill
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); new Span<byte>(p, 4096).Fill(1); Use(p);")] // non-zero fill
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); p[0] = 7; NativeMemory.Clear(p, 4096); Use(p);")] // used first
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); Use(p); NativeMemory.Clear(p, 4096);")] // used first
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); NativeMemory.Clear(p, 4096);")] // already zeroed: ALLOC002's business
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(n); NativeMemory.Clear(p, (nuint)size);")] // sizes not provably equal
    [InlineData("byte* p = (byte*)NativeMemory.AlignedAlloc(4096, 64); NativeMemory.Clear(p, 4096); NativeMemory.AlignedFree(p);")] // aligned: no zeroed counterpart
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); if (flag) NativeMemory.Clear(p, 4096); Use(p);")] // cleared on some paths only
    [InlineData("int* p = (int*)NativeMemory.Alloc(4000); for (int i = 0; i < 1000; i++) p[i] = 1; NativeMemory.Free(p);")] // non-zero loop
    [InlineData("int* p = (int*)NativeMemory.Alloc(4000); for (int i = 0; i < 500; i++) p[i] = 0; NativeMemory.Free(p);")] // partial loop
    public Task Quiet_for_look_alikes(string body) => Verify.VerifyAsync(InMethod(body));

    [Fact]
    public Task Quiet_in_framework_conditional_fallbacks() => Verify.VerifyAsync(InMethod("""
        #if !NETSTANDARD2_0
                    IntPtr p = Marshal.AllocHGlobal(size);
                    new Span<byte>((void*)p, size).Clear();
                    Marshal.FreeHGlobal(p);
        #endif
        #if !ALLOC_UNDEFINED_SYMBOL
                    IntPtr q = [|Marshal.AllocHGlobal(size)|];
                    new Span<byte>((void*)q, size).Clear();
                    Marshal.FreeHGlobal(q);
        #endif
        """));

    /// <summary>
    /// netstandard2.0's reference assembly, from the NETStandard.Library package that every
    /// netstandard2.0 project of this repository restores into the NuGet packages folder.
    /// </summary>
    private static ImmutableArray<MetadataReference> NetStandard20References()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string path = Path.Combine(root, "netstandard.library", "2.0.3", "build", "netstandard2.0", "ref", "netstandard.dll");
        Assert.True(File.Exists(path), "netstandard.dll not found at " + path + " (restore the solution first)");
        return ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(path));
    }

    private const string HGlobalClearedByLoop = """
        IntPtr p = Marshal.AllocHGlobal(4096);
                byte* b = (byte*)p;
                for (int i = 0; i < 4096; i++) b[i] = 0;
                Marshal.FreeHGlobal(p);
        """;

    [Fact]
    public Task Quiet_before_NET_6_where_NativeMemory_does_not_exist() =>
        Verify.VerifyAsync(InMethod(HGlobalClearedByLoop).Replace("using System.Runtime.CompilerServices;\n", string.Empty), new TestOptions { References = NetStandard20References() });

    [Fact]
    public Task The_same_code_is_flagged_on_NET_6_and_later() =>
        Verify.VerifyAsync(InMethod(HGlobalClearedByLoop.Replace("Marshal.AllocHGlobal(4096)", "[|Marshal.AllocHGlobal(4096)|]")));

    [Fact]
    public async Task Message_states_the_clear_and_the_model_cost()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("byte* p = (byte*)[|NativeMemory.Alloc(1 << 20)|]; NativeMemory.Clear(p, 1 << 20); Use(p); NativeMemory.Free(p);"));
        var diagnostic = diagnostics.Single();
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        string message = diagnostic.GetMessage();
        Assert.Contains("'NativeMemory.Alloc(1 << 20)' is cleared in full by 'NativeMemory.Clear(p, 1 << 20)' before any other use", message);
        double seconds = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.Clear(1 << 20, AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference).Seconds;
        Assert.Equal("'NativeMemory.Alloc(1 << 20)' is cleared in full by 'NativeMemory.Clear(p, 1 << 20)' before any other use, about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(seconds) + " each time for 1 MiB on Linux x64: NativeMemory.AllocZeroed does both and skips the clear on fresh zero pages", message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostic, 1 << 20, 1 << 20, seconds, "execution", "linux", "linux-x64-reference");
    }

    [Theory]
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(4096); NativeMemory.Clear(p, ")]
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(); NativeMemory.Clear(p, 4096);")]
    [InlineData("IntPtr p = Marshal.AllocHGlobal(size); new Span<byte>((void*)p, ).Clear();")]
    [InlineData("int* p = (int*)NativeMemory.Alloc(4000); for (int i = 0; i < ; i++) p[i] = 0;")]
    [InlineData("int* p = (int*)NativeMemory.Alloc(4000); for (int i = 0; i < 1000; i++) p[] = 0;")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new NativeAllocThenClearAnalyzer()));
    }
}
