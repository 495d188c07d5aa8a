using AllocAnalyzers.CodeFixes.Rules.LargeZeroedStackalloc;
using AllocAnalyzers.Rules.LargeZeroedStackalloc;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.CodeFixes;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeZeroedStackalloc.LargeZeroedStackallocAnalyzer>;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.LargeZeroedStackalloc.LargeZeroedStackallocAnalyzer, AllocAnalyzers.CodeFixes.Rules.LargeZeroedStackalloc.LargeZeroedStackallocCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC005;

public class LargeZeroedStackallocTests
{
    private const string Key = AddSkipLocalsInitFix.Key;

    private static string InMethod(string body, string attributes = "") => $$"""
        using System;
        using System.IO;
        using System.Runtime.CompilerServices;

        public struct Pixel { public byte R, G, B, A; }

        public unsafe class C
        {
            private const int Size = 4096;
            {{attributes}}
            public void M(int n, Stream stream)
            {
                {{body}}
            }

            static void Use(Span<byte> s) { }
        }
        """;

    [Theory]
    [InlineData("Span<byte> s = {|ALLOC005:stackalloc byte[1024]|}; Use(s);")]
    [InlineData("Span<byte> s = {|ALLOC005:stackalloc byte[Size]|}; Use(s);")]
    [InlineData("Span<int> s = {|ALLOC005:stackalloc int[256]|}; s[0] = 1;")]
    [InlineData("Span<Pixel> s = {|ALLOC005:stackalloc Pixel[1024]|}; s[0].R = 1;")]
    [InlineData("byte* p = {|ALLOC005:stackalloc byte[2048]|}; p[0] = 1;")]
    [InlineData("const int k = 64; Span<long> s = {|ALLOC005:stackalloc long[k * 2]|}; s[0] = 1;")]
    [InlineData("Action a = () => { Span<byte> s = {|ALLOC005:stackalloc byte[1024]|}; Use(s); }; a();")]
    [InlineData("for (int i = 0; i < n; i++) { Span<byte> s = {|ALLOC005:stackalloc byte[1024]|}; Use(s); }")]
    [InlineData("Use(n > 0 ? {|ALLOC005:stackalloc byte[4096]|} : default);")]
    public Task Flags_large_zeroed_stackalloc(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("Span<byte> s = stackalloc byte[1023]; Use(s);")]
    [InlineData("Span<int> s = stackalloc int[255]; Use(default);")]
    [InlineData("Span<byte> s = stackalloc byte[n]; Use(s);")]
    [InlineData("Span<byte> s = stackalloc byte[] { 1, 2, 3 }; Use(s);")]
    [InlineData("Span<byte> s = stackalloc byte[4] { 1, 2, 3, 4 }; Use(s);")]
    [InlineData("Local(); [SkipLocalsInit] void Local() { Span<byte> s = stackalloc byte[4096]; Use(s); }")]
    public Task Quiet_when_small_unknown_or_initialized(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("stream.Write(stackalloc byte[1024]);")] // two zero blocks: an end-of-archive marker
    [InlineData("ReadOnlySpan<byte> zeros = stackalloc byte[1024]; stream.Write(zeros);")]
    [InlineData("Span<byte> block = stackalloc byte[1024]; stream.Write(block);")]
    [InlineData("Span<ulong> bits = stackalloc ulong[256]; for (int i = 0; i < n; i++) bits[i >> 6] |= 1UL << i; if (bits[3] != 0) Use(default);")]
    [InlineData("Span<int> counts = stackalloc int[512]; for (int i = 0; i < n; i++) counts[i & 511]++; Use(default);")]
    [InlineData("Span<byte> s = stackalloc byte[4096]; if (s[0] == 0) Use(s);")]
    public Task Quiet_when_the_code_reads_the_zeros(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("Span<byte> s = {|ALLOC005:stackalloc byte[4096]|}; int k = stream.Read(s); stream.Write(s.Slice(0, k));")]
    [InlineData("Span<int> s = {|ALLOC005:stackalloc int[512]|}; for (int i = 0; i < s.Length; i++) s[i] = i; s[3] += 1;")]
    public Task Still_flagged_when_written_before_the_reads(string body) => Verify.VerifyAsync(InMethod(body));

    [Fact]
    public Task Quiet_under_SkipLocalsInit_on_the_method() =>
        Verify.VerifyAsync(InMethod("Span<byte> s = stackalloc byte[4096]; Action a = () => { Span<byte> t = stackalloc byte[4096]; Use(t); }; Use(s);", "[SkipLocalsInit]"));

    [Fact]
    public Task Quiet_under_SkipLocalsInit_on_a_containing_type_or_the_module() => Verify.VerifyAsync("""
        using System;
        using System.Runtime.CompilerServices;
        [SkipLocalsInit]
        public class Outer
        {
            public struct Inner { public void M() { Span<byte> s = stackalloc byte[4096]; Use(s); } }
            static void Use(Span<byte> s) { }
        }
        """, new TestOptions { AdditionalDocuments = new[] { ("Test1.cs", """
            using System;
            [module: System.Runtime.CompilerServices.SkipLocalsInit]
            public class D { public void M() { Span<byte> s = stackalloc byte[4096]; s[0] = 1; } }
            """) } });

    [Fact]
    public async Task Message_states_bytes_and_time()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("Span<byte> s = {|ALLOC005:stackalloc byte[4096]|}; Use(s);"));
        var message = diagnostics.Single().GetMessage();
        double seconds = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.Clear(4096, AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference).Seconds;
        Assert.Equal("'stackalloc byte[4096]' is zeroed by the JIT each time it runs (no [SkipLocalsInit]): 4,096 bytes (4 KiB), about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(seconds) + " each time on Linux x64", message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), 4096, 4096, seconds, "execution", "linux", "linux-x64-reference");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostics.Single().Severity);
    }

    [Fact]
    public Task Threshold_is_configurable() => Verify.VerifyAsync(
        InMethod("Span<byte> a = {|ALLOC005:stackalloc byte[256]|}; Span<byte> b = stackalloc byte[128]; Use(a); Use(b);"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC005.threshold_bytes = 256\n" });

    [Fact]
    public async Task Invalid_threshold_reports_ALLOC900_and_uses_default()
    {
        var diagnostics = await Verify.VerifyAsync(
            InMethod("Span<byte> a = {|ALLOC005:stackalloc byte[1024]|}; Span<byte> b = stackalloc byte[512]; Use(a); Use(b);"),
            new TestOptions
            {
                EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC005.threshold_bytes = big\n",
                ExpectedProjectDiagnostics = new[] { "ALLOC900" },
            });
        Assert.Contains("using 1024 instead", diagnostics.Single(d => d.Id == "ALLOC900").GetMessage());
    }

    [Fact]
    public Task Generated_code_is_ignored() => Verify.VerifyAsync("""
        // <auto-generated/>
        public class C { public void M() { System.Span<byte> s = stackalloc byte[4096]; s[0] = 1; } }
        """);

    [Theory]
    [InlineData("Span<byte> s = stackalloc byte[4096")]
    [InlineData("Span<byte> s = stackalloc byte[]; Use(s);")]
    [InlineData("Span<byte> s = stackalloc Missing[4096]; Use(s);")]
    [InlineData("Span<byte> s = stackalloc byte[4096]; stream.ReadExactly(s")]
    [InlineData("var s = stackalloc; Use(s);")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LargeZeroedStackallocAnalyzer()));
    }

    [Fact]
    public Task Fix_adds_SkipLocalsInit_when_the_buffer_is_written_before_read() => Fix.VerifyFixAsync("""
        using System;
        using System.IO;
        public class C
        {
            /// <summary>Reads a header.</summary>
            public int M(Stream stream)
            {
                Span<byte> header = {|ALLOC005:stackalloc byte[4096]|};
                stream.ReadExactly(header);
                return header[0];
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Runtime.CompilerServices;
        public class C
        {
            /// <summary>Reads a header.</summary>
            [SkipLocalsInit]
            public int M(Stream stream)
            {
                Span<byte> header = stackalloc byte[4096];
                stream.ReadExactly(header);
                return header[0];
            }
        }
        """, Key);

    [Fact]
    public Task Fix_on_a_local_function_and_with_a_filling_loop() => Fix.VerifyFixAsync("""
        using System;
        public class C
        {
            public int M(int seed)
            {
                return Local(seed);

                static int Local(int seed)
                {
                    Span<int> table = {|ALLOC005:stackalloc int[1024]|};
                    for (int i = 0; i < table.Length; i++) table[i] = seed * i;
                    return table[seed & 1023];
                }
            }
        }
        """, """
        using System;
        using System.Runtime.CompilerServices;
        public class C
        {
            public int M(int seed)
            {
                return Local(seed);

                [SkipLocalsInit]
                static int Local(int seed)
                {
                    Span<int> table = stackalloc int[1024];
                    for (int i = 0; i < table.Length; i++) table[i] = seed * i;
                    return table[seed & 1023];
                }
            }
        }
        """, Key);

    [Fact]
    public Task Fix_for_a_stackalloc_in_a_lambda_goes_on_the_method() => Fix.VerifyFixAsync("""
        using System;
        using System.IO;
        public class C
        {
            public Func<Stream, int> M()
            {
                return stream =>
                {
                    Span<byte> s = {|ALLOC005:stackalloc byte[2048]|};
                    stream.ReadExactly(s);
                    return s[7];
                };
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Runtime.CompilerServices;
        public class C
        {
            [SkipLocalsInit]
            public Func<Stream, int> M()
            {
                return stream =>
                {
                    Span<byte> s = stackalloc byte[2048];
                    stream.ReadExactly(s);
                    return s[7];
                };
            }
        }
        """, Key);

    [Theory]
    [InlineData("Span<byte> s = {|ALLOC005:stackalloc byte[4096]|}; int k = stream.Read(s); return s[0];")]
    [InlineData("Span<byte> s = {|ALLOC005:stackalloc byte[4096]|}; stream.ReadExactly(s); Span<byte> t = stackalloc byte[4096]; return s[0] + t[0];")] // t's zeros are read: not flagged
    [InlineData("Span<byte> s = {|ALLOC005:stackalloc byte[4096]|}; stream.ReadExactly(s); Span<byte> t = stackalloc byte[16]; return s[0] + t[0];")]
    [InlineData("Span<byte> s = {|ALLOC005:stackalloc byte[4096]|}; stream.ReadExactly(s); Unsafe.SkipInit(out int x); return s[0] + x;")]
    public Task No_fix_unless_every_stackalloc_is_written_before_read(string body) => Fix.VerifyNoFixAsync($$"""
        using System;
        using System.IO;
        using System.Runtime.CompilerServices;
        public class C { public int M(Stream stream) { {{body}} } }
        """, Key);

    [Fact]
    public Task No_fix_without_unsafe_code() => Fix.VerifyNoFixAsync("""
        using System;
        using System.IO;
        public class C { public int M(Stream stream) { Span<byte> s = {|ALLOC005:stackalloc byte[4096]|}; stream.ReadExactly(s); return s[0]; } }
        """, Key, new TestOptions { AllowUnsafe = false });

    [Fact]
    public Task Fix_all_adds_the_attribute_once_per_method() => Fix.VerifyFixAllAsync("""
        using System;
        using System.IO;
        public class C
        {
            public int M(Stream stream)
            {
                Span<byte> a = {|ALLOC005:stackalloc byte[4096]|};
                stream.ReadExactly(a);
                Span<byte> b = {|ALLOC005:stackalloc byte[2048]|};
                b.Fill(1);
                return a[0] + b[0];
            }

            public int N(Stream stream)
            {
                Span<byte> c = {|ALLOC005:stackalloc byte[1024]|};
                stream.ReadExactly(c);
                return c[1];
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Runtime.CompilerServices;
        public class C
        {
            [SkipLocalsInit]
            public int M(Stream stream)
            {
                Span<byte> a = stackalloc byte[4096];
                stream.ReadExactly(a);
                Span<byte> b = stackalloc byte[2048];
                b.Fill(1);
                return a[0] + b[0];
            }

            [SkipLocalsInit]
            public int N(Stream stream)
            {
                Span<byte> c = stackalloc byte[1024];
                stream.ReadExactly(c);
                return c[1];
            }
        }
        """, Key, FixAllScope.Document);
}
