using AllocAnalyzers.Rules.RedundantClear;
using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.RedundantClear.RedundantClearAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC002;

public class RedundantClearAnalyzerTests
{
    internal static string InMethod(string body, string attributes = "", string members = "") => $$"""
        using System;
        using System.Buffers;
        using System.IO;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        public struct Pixel { public byte R, G, B, A; }

        public unsafe class C
        {
            private byte[] _field = new byte[16];
            {{members}}
            {{attributes}}
            public void M(int n, bool flag, byte[] param, Stream stream, byte[] src)
            {
                {{body}}
            }

            static void Use(byte[] b) { }
            static void UseSpan(Span<byte> s) { }
            static void UsePointer(byte* p) { }
        }
        """;

    [Theory]
    [InlineData("var b = new byte[4096]; {|ALLOC002:Array.Clear(b)|}; Use(b);")]
    [InlineData("var b = new byte[4096]; {|ALLOC002:Array.Clear(b, 0, b.Length)|}; Use(b);")]
    [InlineData("var b = new byte[4096]; {|ALLOC002:Array.Clear(b, 0, 1024)|}; Use(b);")]
    [InlineData("var b = new byte[4096]; {|ALLOC002:Array.Clear(b, 100, 3996)|}; Use(b);")]
    [InlineData("var b = new byte[n]; {|ALLOC002:Array.Clear(b, 0, n)|}; Use(b);")]
    [InlineData("var b = new byte[n]; {|ALLOC002:Array.Clear(b)|}; Use(b);")]
    [InlineData("var b = new int[256]; {|ALLOC002:b.AsSpan().Clear()|}; b[0] = 1;")]
    [InlineData("var b = new byte[256]; var s = b.AsSpan(); {|ALLOC002:s.Clear()|}; UseSpan(s);")]
    [InlineData("var b = new byte[256]; Span<byte> s = b; {|ALLOC002:s.Clear()|}; UseSpan(s);")]
    [InlineData("var b = new long[256]; {|ALLOC002:Array.Fill(b, 0)|}; Use(null);")]
    [InlineData("var b = new double[256]; {|ALLOC002:Array.Fill(b, 0.0)|};")]
    [InlineData("var b = new Pixel[256]; {|ALLOC002:Array.Fill(b, default)|};")]
    [InlineData("var b = new string[256]; {|ALLOC002:Array.Fill(b, null)|};")]
    [InlineData("var b = new int?[256]; {|ALLOC002:Array.Fill(b, null)|};")]
    [InlineData("var b = new decimal[16]; {|ALLOC002:Array.Fill(b, 0m)|};")]
    [InlineData("var b = new byte[16]; {|ALLOC002:Array.Fill(b, (byte)0)|};")]
    [InlineData("var b = new byte[256]; {|ALLOC002:b.AsSpan().Fill(0)|}; Use(b);")]
    [InlineData("var b = new byte[256]; {|ALLOC002:for (int i = 0; i < b.Length; i++) b[i] = 0;|} Use(b);")]
    [InlineData("var b = new byte[256]; {|ALLOC002:for (int i = 0; i < b.Length; ++i) { b[i] = 0; }|} Use(b);")]
    [InlineData("var b = new int[256]; {|ALLOC002:for (int i = 0; i < 128; i += 1) { b[i] = default; }|} b[3] = 1;")]
    [InlineData("Span<byte> s = stackalloc byte[512]; {|ALLOC002:s.Clear()|}; UseSpan(s);")]
    [InlineData("Span<byte> s = stackalloc byte[512]; {|ALLOC002:for (int i = 0; i < s.Length; i++) s[i] = 0;|} UseSpan(s);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); {|ALLOC002:NativeMemory.Clear(p, 4096)|}; UsePointer(p); NativeMemory.Free(p);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(64, 64); {|ALLOC002:NativeMemory.Clear(p, 4096)|}; UsePointer(p); NativeMemory.Free(p);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed((nuint)n); {|ALLOC002:Unsafe.InitBlock(p, 0, (uint)n)|}; UsePointer(p);")]
    [InlineData("void* p = NativeMemory.AllocZeroed(4096); {|ALLOC002:Unsafe.InitBlockUnaligned(p, 0, 4096)|}; NativeMemory.Free(p);")]
    [InlineData("byte* p = stackalloc byte[256]; {|ALLOC002:Unsafe.InitBlock(p, 0, 256)|}; UsePointer(p);")]
    [InlineData("var b = new byte[256]; {|ALLOC002:Unsafe.InitBlock(ref b[0], 0, (uint)b.Length)|}; Use(b);")]
    [InlineData("var b = new byte[256]; {|ALLOC002:Unsafe.InitBlockUnaligned(ref MemoryMarshal.GetArrayDataReference(b), 0, 256)|}; Use(b);")]
    [InlineData("Span<byte> s = stackalloc byte[256]; {|ALLOC002:Unsafe.InitBlock(ref MemoryMarshal.GetReference(s), 0, (uint)s.Length)|}; UseSpan(s);")]
    [InlineData("var b = GC.AllocateArray<byte>(4096); {|ALLOC002:Array.Clear(b)|}; Use(b);")]
    [InlineData("var b = new byte[4096]; int x = b[0]; if (b.Length > 10) x++; {|ALLOC002:Array.Clear(b)|}; Use(b);")]
    [InlineData("while (flag) { var b = new byte[4096]; {|ALLOC002:Array.Clear(b)|}; Use(b); }")]
    [InlineData("byte[] b; if (flag) { b = new byte[10]; {|ALLOC002:Array.Clear(b)|}; } else { b = param; Array.Clear(b); } Use(b);")]
    [InlineData("var b = new byte[64]; var c = new byte[64]; c[0] = 1; {|ALLOC002:Array.Clear(b)|}; Use(b);")]
    [InlineData("Action a = () => { var b = new byte[64]; {|ALLOC002:Array.Clear(b)|}; Use(b); }; a();")]
    [InlineData("{|ALLOC002:new byte[64].AsSpan().Clear()|};")]
    [InlineData("var b = new byte[4096]; try { {|ALLOC002:Array.Clear(b)|}; } finally { Use(b); }")]
    public Task Flags_redundant_clear(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("Array.Clear(param);")]
    [InlineData("Array.Clear(_field);")]
    [InlineData("var b = param; Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; b[0] = 1; Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; if (flag) b[0] = 1; Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; stream.Read(b, 0, 10); Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; Use(b); Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; src.CopyTo(b, 0); Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; var s = b.AsSpan(); s[1] = 2; Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; b = param; Array.Clear(b);")]
    [InlineData("var b = ArrayPool<byte>.Shared.Rent(4096); Array.Clear(b); ArrayPool<byte>.Shared.Return(b);")]
    [InlineData("var b = GC.AllocateUninitializedArray<byte>(4096); Array.Clear(b); Use(b);")]
    [InlineData("var p = (byte*)Marshal.AllocHGlobal(4096); NativeMemory.Clear(p, 4096); Marshal.FreeHGlobal((IntPtr)p);")]
    [InlineData("var p = (byte*)NativeMemory.Alloc(4096); NativeMemory.Clear(p, 4096); NativeMemory.Free(p);")]
    [InlineData("var b = new byte[4096]; Array.Fill(b, (byte)1);")]
    [InlineData("var b = new object[16]; Array.Fill(b, 0);")]
    [InlineData("var b = new object[16]; Array.Fill<object>(b, 0);")]
    [InlineData("var b = new int?[16]; Array.Fill(b, 0);")]
    [InlineData("var b = new decimal[16]; Array.Fill(b, 0.0m);")]
    [InlineData("var b = new double[4096]; Array.Fill(b, -0.0);")]
    [InlineData("var b = new byte[4096]; b.AsSpan().Fill(7);")]
    [InlineData("var b = new byte[256]; for (int i = 0; i < b.Length; i++) b[i] = 1;")]
    [InlineData("var b = new byte[256]; for (int i = 0; i < b.Length; i++) { b[i] = 0; Use(b); }")]
    [InlineData("var b = new byte[256]; for (int i = 1; i < b.Length; i++) b[i] = (byte)b[i - 1];")]
    [InlineData("var b = new byte[4096]; while (flag) { Array.Clear(b); b[0] = 1; Use(b); }")]
    [InlineData("var b = new byte[4096]; for (int k = 0; k < n; k++) { Array.Clear(b); stream.Read(b, 0, 10); }")]
    [InlineData("var b = new byte[4096]; Action a = () => b[0] = 1; a(); Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; try { stream.Read(b, 0, 1); } catch (IOException) { } Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; try { flag = !flag; } catch { b[0] = 1; } Array.Clear(b);")]
    [InlineData("var b = new byte[16]; Array.Clear(b, 0, 32);")]
    [InlineData("var b = new byte[16]; Array.Clear(b, 0, n);")]
    [InlineData("var b = new byte[n]; Array.Clear(b, 1, n);")]
    [InlineData("var b = new byte[4096]; b.AsSpan(16).Clear();")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); p[1] = 1; NativeMemory.Clear(p, 4096);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); byte* q = p + 1; *q = 1; NativeMemory.Clear(p, 4096);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); var s = new Span<byte>(p, 4096); s[0] = 1; NativeMemory.Clear(p, 4096);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); UsePointer(p); NativeMemory.Clear(p, 4096);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); Unsafe.InitBlock(p, 1, 4096);")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(4096); NativeMemory.Clear(p + 8, 100);")]
    [InlineData("var b = new byte[256]; Unsafe.InitBlock(ref b[1], 0, 255);")]
    [InlineData("var b = new byte[n]; Unsafe.InitBlock(ref b[0], 0, (uint)b.Length);")]
    [InlineData("var b = new byte[256]; Unsafe.InitBlock(ref b[0], 0, 512);")]
    [InlineData("var b = new byte[256]; b[3] = 1; Unsafe.InitBlock(ref b[0], 0, 256);")]
    [InlineData("Span<byte> s = stackalloc byte[64]; s[0] = 1; s.Clear();")]
    [InlineData("var b = new byte[4096]; var r = flag ? b : param; Array.Clear(r);")]
    [InlineData("byte[] b = null; if (flag) b = new byte[10]; Array.Clear(b);")]
    [InlineData("var b = new byte[] { 1, 2, 3 }; Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; Fill(b); Array.Clear(b); void Fill(byte[] x) => x[0] = 1;")]
    public Task Quiet_when_the_buffer_may_hold_data(string body) => Verify.VerifyAsync(InMethod(body));

    [Fact]
    public Task Quiet_under_SkipLocalsInit_on_the_method() =>
        Verify.VerifyAsync(InMethod("Span<byte> s = stackalloc byte[64]; s.Clear(); UseSpan(s);", attributes: "[SkipLocalsInit]"));

    [Fact]
    public Task Quiet_under_SkipLocalsInit_on_the_type() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.CompilerServices;
        [SkipLocalsInit]
        public class Outer
        {
            public class Inner
            {
                public void M() { Span<byte> s = stackalloc byte[64]; s.Clear(); Use(s); }
                public void L() { Action a = () => { Span<byte> s = stackalloc byte[64]; s.Clear(); Use(s); }; a(); }
                static void Use(Span<byte> s) { }
            }
        }
        """);

    [Fact]
    public Task Quiet_under_SkipLocalsInit_on_the_module() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.CompilerServices;
        [module: SkipLocalsInit]
        public class C
        {
            public void M() { Span<byte> s = stackalloc byte[64]; s.Clear(); Use(s); }
            static void Use(Span<byte> s) { }
        }
        """);

    [Fact]
    public Task SkipLocalsInit_on_the_method_covers_its_lambdas_and_local_functions() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.CompilerServices;
        public class C
        {
            [SkipLocalsInit]
            public void M()
            {
                Action a = () => { Span<byte> s = stackalloc byte[64]; s.Clear(); Use(s); };
                a();
                Local();
                void Local() { Span<byte> s = stackalloc byte[64]; s.Clear(); Use(s); }
            }

            public void N()
            {
                Local();
                [SkipLocalsInit] void Local() { Span<byte> s = stackalloc byte[64]; s.Clear(); Use(s); }
                Span<byte> t = stackalloc byte[64];
                {|ALLOC002:t.Clear()|};
                Use(t);
            }

            static void Use(Span<byte> s) { }
        }
        """);

    [Fact]
    public async Task Message_states_bytes_source_and_time()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("var b = new byte[4096]; {|ALLOC002:Array.Clear(b)|}; Use(b);"));
        string message = diagnostics.Single().GetMessage();
        double seconds = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.Clear(4096, AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference).Seconds;
        Assert.Equal("'Array.Clear(b)' clears 4,096 bytes (4 KiB) that 'new byte[4096]' already zeroed, unwritten since: about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(seconds) + " wasted each time on Linux x64", message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), 4096, 4096, seconds, "execution", "linux", "linux-x64-reference");
    }

    [Fact]
    public async Task Message_for_native_and_stack_memory_names_the_source()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod(
            "byte* p = (byte*)NativeMemory.AllocZeroed(8192); {|ALLOC002:NativeMemory.Clear(p, 8192)|}; Span<byte> s = stackalloc byte[512]; {|ALLOC002:s.Clear()|}; UseSpan(s); NativeMemory.Free(p);"));
        Assert.Contains("8,192 bytes (8 KiB) that 'NativeMemory.AllocZeroed(8192)' (calloc) already zeroed", diagnostics[0].GetMessage());
        Assert.Contains("512 bytes that 'stackalloc byte[512]' (no [SkipLocalsInit]) already zeroed", diagnostics[1].GetMessage());
    }

    [Fact]
    public async Task Message_for_a_tiny_clear_does_not_round_to_zero()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("Span<byte> s = stackalloc byte[3]; {|ALLOC002:s.Clear()|}; UseSpan(s);"));
        Assert.Contains("clears 3 bytes that 'stackalloc byte[3]'", diagnostics.Single().GetMessage());
        Assert.Matches(@"about 0\.0\d+ ns wasted each time", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task Message_for_a_size_known_only_at_run_time()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("var b = new byte[n]; {|ALLOC002:Array.Clear(b)|}; Use(b);"));
        Assert.Equal("'Array.Clear(b)' clears memory that 'new byte[n]' already zeroed, unwritten since: a memset of the whole range for nothing", diagnostics.Single().GetMessage());
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), null, null, null, "execution", "linux", "linux-x64-reference");
    }

    [Fact]
    public Task Threshold_is_configurable() => Verify.VerifyAsync(
        InMethod("var a = new byte[4096]; {|ALLOC002:Array.Clear(a)|}; var b = new byte[1024]; Array.Clear(b); var c = new byte[n]; Array.Clear(c);"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC002.threshold_bytes = 4KiB\n" });

    [Fact]
    public async Task Invalid_threshold_reports_ALLOC900_and_uses_default()
    {
        var diagnostics = await Verify.VerifyAsync(
            InMethod("var a = new byte[16]; {|ALLOC002:Array.Clear(a)|};"),
            new TestOptions
            {
                EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC002.threshold_bytes = lots\n",
                ExpectedProjectDiagnostics = new[] { "ALLOC900" },
            });
        Assert.Contains("using 0 instead", diagnostics.Single(d => d.Id == "ALLOC900").GetMessage());
    }

    [Fact]
    public Task Generated_code_is_ignored() => Verify.VerifyAsync("""
        // <auto-generated/>
        public class C
        {
            public void M() { var b = new byte[64]; System.Array.Clear(b); }
        }
        """);

    [Theory]
    [InlineData("var b = new byte[4096]; Array.Clear(b")]
    [InlineData("var b = new byte[4096]; Array.Clear(")]
    [InlineData("var b = new byte[]; Array.Clear(b);")]
    [InlineData("var b = new byte[4096]; Array.Clear(b, 0, );")]
    [InlineData("var b = new byte[4096]; for (int i = 0; i < b.Length; i++) b[i] = ;")]
    [InlineData("var b = new byte[4096]; for (int i = 0; i < ; i++) b[i] = 0;")]
    [InlineData("var b = new Missing[4096]; Array.Clear(b);")]
    [InlineData("Span<byte> s = stackalloc byte[]; s.Clear();")]
    [InlineData("Span<byte> s = stackalloc Missing[4]; s.Clear();")]
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(); NativeMemory.Clear(p, 10);")]
    [InlineData("var b = new byte[4096]; b.AsSpan().Clear(")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new RedundantClearAnalyzer()));
    }
}
