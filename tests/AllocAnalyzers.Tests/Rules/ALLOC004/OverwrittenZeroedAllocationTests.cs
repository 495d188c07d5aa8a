using AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation;
using AllocAnalyzers.Rules.OverwrittenZeroedAllocation;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer>;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer, AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC004;

public class OverwrittenZeroedAllocationTests
{
    /// <summary>Most inputs size arrays by a parameter: sizes the default policy leaves alone (see the policy tests).</summary>
    private const string UnknownSizesAll = "dotnet_code_quality.ALLOC004.unknown_sizes = all\n";
    private static readonly TestOptions AllSizes = new() { EditorConfig = "root = true\n[*.cs]\n" + UnknownSizesAll };

    private static string InMethod(string body) => $$"""
        using System;
        using System.IO;
        using System.Runtime.InteropServices;

        public struct Pixel { public byte R, G, B, A; }
        public struct WithRef { public string S; public int X; }
        public class PartialRandom : Random { public override void NextBytes(byte[] buffer) => buffer[0] = 1; }

        public class C
        {
            public byte[] M(int n, bool flag, Stream stream, byte[] src, ReadOnlySpan<byte> span, IntPtr native, int[] ints)
            {
                {{body}}
            }

            static void Use(byte[] b) { }
            static int Read(byte[] b) => b[0];
        }
        """;

    [Theory]
    [InlineData("var b = {|ALLOC004:new byte[4096]|}; stream.ReadExactly(b); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b, 0, b.Length); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b, 0, n); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b.AsSpan()); return b;")]
    // The overwrite through a local made from the buffer (what the cheap check before the flow graph must still let through).
    [InlineData("var b = {|ALLOC004:new byte[n]|}; var view = b.AsSpan(); stream.ReadExactly(view); return b;")]
    [InlineData("byte[] b; b = {|ALLOC004:new byte[src.Length]|}; Span<byte> view = b; src.AsSpan().CopyTo(view); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[src.Length]|}; src.CopyTo(b, 0); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[src.Length]|}; src.AsSpan().CopyTo(b); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[span.Length]|}; span.CopyTo(b); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[src.Length]|}; Array.Copy(src, b, src.Length); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[src.Length]|}; Array.Copy(src, 0, b, 0, b.Length); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[src.Length]|}; Buffer.BlockCopy(src, 0, b, 0, b.Length); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; Marshal.Copy(native, b, 0, n); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; for (int i = 0; i < b.Length; i++) b[i] = (byte)i; return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; for (int i = 0; i < n; i++) { b[i] = src[i % 4]; } return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; b.AsSpan().Fill(7); return b;")]
    [InlineData("var b = {|ALLOC004:new int[512]|}; Array.Fill(b, 3); Use(null); return null;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; int len = b.Length; if (flag) n++; stream.ReadExactly(b); return b;")]
    [InlineData("if (flag) { var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b); return b; } return null;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; Random.Shared.NextBytes(b); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; new Random(1).NextBytes(b.AsSpan()); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[n]|}; System.Security.Cryptography.RandomNumberGenerator.Fill(b); return b;")]
    public Task Flags_allocation_overwritten_before_any_read(string body) => Verify.VerifyAsync(InMethod(body), AllSizes);

    [Theory]
    [InlineData("var b = new byte[2047]; stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[n]; new PartialRandom().NextBytes(b); return b;")]
    [InlineData("var b = new int[n]; var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(b.AsSpan()); Random.Shared.NextBytes(bytes.Slice(4)); return null;")]
    [InlineData("var b = new int[511]; for (int i = 0; i < b.Length; i++) b[i] = i; return null;")]
    [InlineData("var b = new string[n]; for (int i = 0; i < b.Length; i++) b[i] = \"\"; return null;")]
    [InlineData("var b = new WithRef[n]; for (int i = 0; i < b.Length; i++) b[i] = default; return null;")]
    [InlineData("var b = new byte[n]; stream.Read(b, 0, b.Length); return b;")]
    [InlineData("var b = new byte[n]; stream.ReadExactly(b, 0, n - 1); return b;")]
    [InlineData("var b = new byte[n]; stream.ReadExactly(b.AsSpan(1)); return b;")]
    [InlineData("var b = new byte[n]; src.CopyTo(b, 0); return b;")]
    [InlineData("var b = new byte[src.Length + 1]; src.CopyTo(b, 0); return b;")]
    [InlineData("var b = new byte[src.Length]; Array.Copy(src, b, src.Length - 1); return b;")]
    [InlineData("var b = new byte[src.Length]; Array.Copy(src, 0, b, 1, src.Length - 1); return b;")]
    [InlineData("var b = new byte[n]; for (int i = 1; i < b.Length; i++) b[i] = 1; return b;")]
    [InlineData("var b = new byte[n]; for (int i = 0; i < b.Length; i++) b[i] = (byte)(b[i] + 1); return b;")]
    [InlineData("var b = new byte[n]; for (int i = 0; i < b.Length; i += 2) b[i] = 1; return b;")]
    [InlineData("var b = new byte[n]; int x = Read(b); stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[n]; Use(b); stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[n]; if (flag) stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[n]; try { stream.ReadExactly(b); } catch (EndOfStreamException) { } return b;")]
    [InlineData("var b = new byte[n]; b.AsSpan().CopyTo(b); return b;")]
    [InlineData("var b = new byte[n]; Action a = () => stream.ReadExactly(b); a(); return b;")]
    [InlineData("var b = GC.AllocateUninitializedArray<byte>(n); stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[] { 1, 2 }; stream.ReadExactly(b); return b;")]
    public Task Quiet_when_read_first_partial_or_not_worth_it(string body) => Verify.VerifyAsync(InMethod(body));

    [Fact]
    public async Task Quiet_on_target_frameworks_without_the_API()
    {
        // netstandard2.0 has no GC.AllocateUninitializedArray: there is nothing to switch to.
        var netstandard = NetStandardReference();
        if (netstandard == null) return; // the reference assembly comes from the NuGet cache; without it there is nothing to check
        await Verify.VerifyAsync("""
            public class C
            {
                public byte[] M(int n)
                {
                    var b = new byte[n];
                    for (int i = 0; i < b.Length; i++) b[i] = 1;
                    return b;
                }
            }
            """, new TestOptions { References = System.Collections.Immutable.ImmutableArray.Create(netstandard) });
    }

    [Fact]
    public async Task Message_states_bytes_writer_and_time()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("var b = {|ALLOC004:new byte[65536]|}; stream.ReadExactly(b); return b;"));
        var message = diagnostics.Single().GetMessage();
        double seconds = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.Clear(65536, AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference).Seconds;
        Assert.Equal("'new byte[65536]' is zeroed, then 'stream.ReadExactly(b)' overwrites every element before any read: 65,536 bytes (64 KiB) zeroed for nothing, about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(seconds) + " on Linux x64", message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), 65536, 65536, seconds, "execution", "linux", "linux-x64-reference");
    }

    [Fact]
    public Task Threshold_is_configurable() => Verify.VerifyAsync(
        InMethod("var a = {|ALLOC004:new byte[8192]|}; stream.ReadExactly(a); var b = new byte[4096]; stream.ReadExactly(b); var c = {|ALLOC004:new byte[n]|}; stream.ReadExactly(c); return c;"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC004.threshold_bytes = 8KiB\n" + UnknownSizesAll });

    [Fact]
    public Task Generated_code_is_ignored() => Verify.VerifyAsync("""
        // <auto-generated/>
        public class C
        {
            public byte[] M(System.IO.Stream s, int n) { var b = new byte[n]; s.ReadExactly(b); return b; }
        }
        """);

    [Theory]
    [InlineData("var b = new byte[n]; stream.ReadExactly(b")]
    [InlineData("var b = new byte[n]; stream.ReadExactly(b, 0, ); return b;")]
    [InlineData("var b = new byte[]; stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[n]; for (int i = 0; i < b.Length; i++) b[i] = ; return b;")]
    [InlineData("var b = new Missing[n]; stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[src.]; src.CopyTo(b, 0); return b;")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new OverwrittenZeroedAllocationAnalyzer()));
    }

    [Fact]
    public Task Fix_uses_AllocateUninitializedArray() => Fix.VerifyFixAsync("""
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n)
            {
                var b = {|ALLOC004:new byte[n]|};
                stream.ReadExactly(b);
                return b;
            }
        }
        """, """
        using System;
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n)
            {
                var b = GC.AllocateUninitializedArray<byte>(n);
                stream.ReadExactly(b);
                return b;
            }
        }
        """, UseUninitializedArrayFix.Key, AllSizes);

    [Fact]
    public Task No_fix_for_a_long_length() => Fix.VerifyNoFixAsync("""
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, long n)
            {
                var b = {|ALLOC004:new byte[n]|};
                stream.ReadExactly(b);
                return b;
            }
        }
        """, UseUninitializedArrayFix.Key, AllSizes);

    [Fact]
    public Task Fix_all_in_document() => Fix.VerifyFixAllAsync("""
        using System;
        using System.IO;
        public class C
        {
            public void M(Stream stream, int n, ReadOnlySpan<int> src)
            {
                var a = {|ALLOC004:new byte[n]|};
                stream.ReadExactly(a);
                var b = {|ALLOC004:new int[src.Length]|};
                src.CopyTo(b);
                Use(a, b);
            }

            static void Use(byte[] a, int[] b) { }
        }
        """, """
        using System;
        using System.IO;
        public class C
        {
            public void M(Stream stream, int n, ReadOnlySpan<int> src)
            {
                var a = GC.AllocateUninitializedArray<byte>(n);
                stream.ReadExactly(a);
                var b = GC.AllocateUninitializedArray<int>(src.Length);
                src.CopyTo(b);
                Use(a, b);
            }

            static void Use(byte[] a, int[] b) { }
        }
        """, UseUninitializedArrayFix.Key, FixAllScope.Document, AllSizes);

    [Fact]
    public Task Fix_all_in_solution() => Fix.VerifyFixAllAsync("""
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n) { var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b); return b; }
        }
        """, """
        using System;
        using System.IO;
        public class C
        {
            public byte[] M(Stream stream, int n) { var b = GC.AllocateUninitializedArray<byte>(n); stream.ReadExactly(b); return b; }
        }
        """, UseUninitializedArrayFix.Key, FixAllScope.Solution, new TestOptions
        {
            EditorConfig = AllSizes.EditorConfig,
            AdditionalDocuments = new[] { ("Test1.cs", "using System;\npublic class D\n{\n    public long[] M(ReadOnlySpan<long> src) { var b = {|ALLOC004:new long[src.Length]|}; src.CopyTo(b); return b; }\n}\n") },
        }, new[] { ("Test1.cs", "using System;\npublic class D\n{\n    public long[] M(ReadOnlySpan<long> src) { var b = GC.AllocateUninitializedArray<long>(src.Length); src.CopyTo(b); return b; }\n}\n") });

    [Theory]
    [InlineData("var b = {|ALLOC004:new byte[src.Length]|}; src.CopyTo(b); return b;")]
    [InlineData("var b = {|ALLOC004:new byte[(int)stream.Length]|}; stream.ReadExactly(b); return b;")]
    [InlineData("int size = src.Length * 2; var b = {|ALLOC004:new byte[size]|}; for (int i = 0; i < b.Length; i++) b[i] = 7; return b;")]
    [InlineData("var b = new byte[n]; stream.ReadExactly(b); return b;")]
    [InlineData("var b = new byte[n + 4]; for (int i = 0; i < b.Length; i++) b[i] = 7; return b;")]
    public Task By_default_unknown_sizes_are_reported_when_they_come_from_data(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("none", "var b = new byte[src.Length]; src.CopyTo(b); return b;")]
    [InlineData("none", "var b = {|ALLOC004:new byte[65536]|}; stream.ReadExactly(b); return b;")]
    [InlineData("all", "var b = {|ALLOC004:new byte[n]|}; stream.ReadExactly(b); return b;")]
    [InlineData("DATA", "var b = new byte[n]; stream.ReadExactly(b); return b;")]
    public Task Unknown_size_policy_is_configurable(string policy, string body) =>
        Verify.VerifyAsync(InMethod(body), new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC004.unknown_sizes = " + policy + "\n" });

    [Fact]
    public Task An_unknown_policy_is_ALLOC900_and_the_default_applies() =>
        Verify.VerifyAsync(InMethod("var b = new byte[n]; stream.ReadExactly(b); var c = {|ALLOC004:new byte[src.Length]|}; src.CopyTo(c); return c;"), new TestOptions
        {
            EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC004.unknown_sizes = some\n",
            ExpectedProjectDiagnostics = new[] { "ALLOC900" },
        });

    [Theory]
    [InlineData("var d = new double[n]; Array.Fill(d, 0.0); return src;")]
    [InlineData("var d = new long[n]; for (int i = 0; i < d.Length; i++) d[i] = 0; return src;")]
    [InlineData("var d = new int[n]; d.AsSpan().Fill(0); return src;")]
    [InlineData("var b = new Pixel[n]; for (int i = 0; i < b.Length; i++) b[i] = default; return null;")]
    public Task A_fill_with_zeros_is_left_to_ALLOC002(string body) => Verify.VerifyAsync(InMethod(body), AllSizes);

    private static MetadataReference? NetStandardReference()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string package = Path.Combine(root, "netstandard.library");
        if (!Directory.Exists(package)) return null;
        var path = Directory.GetDirectories(package)
            .Select(version => Path.Combine(version, "build", "netstandard2.0", "ref", "netstandard.dll"))
            .FirstOrDefault(File.Exists);
        return path == null ? null : MetadataReference.CreateFromFile(path);
    }
}

public class OverwrittenZeroedAllocationOddPlacesTests
{
    [Fact]
    public Task Arrays_in_attributes_initializers_and_top_level_code_do_not_crash() => AnalyzerVerifier<OverwrittenZeroedAllocationAnalyzer>.VerifyAsync("""
        using System;
        using System.IO;
        public class AAttribute : Attribute { public AAttribute(int[] x) { } }
        [A(new int[4096])]
        public class C
        {
            private static readonly byte[] Table = new byte[8192];
            private readonly Lazy<byte[]> _lazy = new Lazy<byte[]>(() => { var b = {|ALLOC004:new byte[8192]|}; b.AsSpan().Fill(1); return b; });
            public byte[] P { get; } = new byte[4096];
            public byte[] Q => Fill(new byte[4096]);
            static byte[] Fill(byte[] b) => b;
            public void M([A(new int[4096])] int x = 0) { }
        }
        """, new TestOptions { AllowCompilerErrors = true });
}
