using AllocAnalyzers.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

public class LargeAllocationInLoopAnalyzerTests
{
    private static string InMethod(string body, string members = "") => $$"""
        using System;
        using System.Buffers;
        using System.Collections.Generic;
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;

        public struct Pixel { public byte R, G, B, A; }
        public struct Padded { public long A; public byte B; }

        public class C
        {
            {{members}}
            public void M(Stream stream, int count, bool flag)
            {
                {{body}}
            }

            static void Use(byte[] buffer) { }
            static void UseSpan(Span<byte> buffer) { }
            static unsafe void Native(byte* buffer, int count) { }
        }
        """;

    [Theory]
    [InlineData("for (int i = 0; i < count; i++) { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); }")]
    [InlineData("foreach (var x in new[] { 1, 2 }) { var b = {|ALLOC001:new byte[100_000]|}; Use(b); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1024 * 1024]|}; Use(b); }")]
    [InlineData("do { var b = {|ALLOC001:new byte[1024 * 1024]|}; Use(b); } while (flag);")]
    [InlineData("for (;;) { for (int j = 0; j < 2; j++) { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); } }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new int[25_000]|}; b[0] = 1; }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new Pixel[25_000]|}; b[0].R = 1; }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new object[11_000]|}; b[0] = null; }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[300, 300]|}; b[0, 0] = 1; }")]
    [InlineData("while (flag) { var b = {|ALLOC001:GC.AllocateArray<byte>(1 << 20)|}; Use(b); }")]
    [InlineData("while (flag) { var l = {|ALLOC001:new List<long>(20_000)|}; l.Add(1); }")]
    [InlineData("while (flag) { using var ms = {|ALLOC001:new MemoryStream(1 << 20)|}; ms.WriteByte(1); }")]
    [InlineData("while (flag) { var d = {|ALLOC001:new Dictionary<long, long>(4_000)|}; d[1] = 2; }")]
    [InlineData("while (flag) { int n = stream.Read({|ALLOC001:new byte[1 << 20]|}, 0, 16384); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; int n = stream.Read(b, 0, b.Length); UseSpan(b.AsSpan(0, n)); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; var s = b.AsSpan(); s.Clear(); UseSpan(s.Slice(4)); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; using var ms = new MemoryStream(b); ms.WriteByte(1); }")]
    [InlineData("while (flag) { const int size = 1 << 20; var b = {|ALLOC001:new byte[size]|}; Use(b); }")]
    [InlineData("int size = 1 << 20; while (flag) { var b = {|ALLOC001:new byte[size]|}; Use(b); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new Padded[6_000]|}; b[0].A = 1; }")]
    [InlineData("byte[] b; while (flag) { b = {|ALLOC001:new byte[1 << 20]|}; Use(b); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; if (b.Length > 0) continue; Use(b); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; object o = b; Use((byte[])o); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; unsafe { fixed (byte* p = b) { Native(p, 16); } } }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; Array.Clear(b, 0, 10); Buffer.BlockCopy(b, 0, new byte[4], 0, 4); Use(b); }")]
    [InlineData("while (flag) { try { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); } finally { count++; } }")]
    [InlineData("while (flag) { try { count++; } finally { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); } }")]
    public Task Flags_large_allocation_repeated_in_loop(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("for (int i = 0; i < count; i++) { var b = new byte[84_999]; Use(b); }")]
    [InlineData("for (int i = 0; i < count; i++) { var b = new byte[count]; Use(b); }")]
    [InlineData("var b = new byte[1 << 20]; Use(b);")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; Use(b); return; }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; Use(b); break; }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; throw new InvalidOperationException(b.Length.ToString()); }")]
    [InlineData("var list = new List<byte[]>(); while (flag) { var b = new byte[1 << 20]; list.Add(b); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; _field = b; }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; Prop = b; }")]
    [InlineData("var all = new byte[4][]; for (int i = 0; i < 4; i++) { var b = new byte[1 << 20]; all[i] = b; }")]
    [InlineData("byte[] last = null; while (flag) { var b = new byte[1 << 20]; last = b; } Use(last);")]
    [InlineData("byte[] b = null; while (flag) { if (b != null) Use(b); b = new byte[1 << 20]; }")]
    [InlineData("byte[] b = null; while (flag) { b = new byte[1 << 20]; } Use(b);")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; Task.Run(() => Use(b)); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; void Local() => Use(b); Local(); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; Console.WriteLine((object)b); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; var q = new Queue<byte[]>(); q.Enqueue(b); }")]
    [InlineData("while (flag) { var b = GC.AllocateUninitializedArray<byte>(1 << 20); Use(b); }")]
    [InlineData("while (flag) { var b = new byte[] { 1, 2, 3 }; Use(b); }")]
    [InlineData("while (flag) { var b = ArrayPool<byte>.Shared.Rent(1 << 20); ArrayPool<byte>.Shared.Return(b); }")]
    [InlineData("while (flag) { var l = new List<long>(); l.Add(1); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; var ms = new MemoryStream(b); _stream = ms; }")]
    [InlineData("while (flag) { Action a = () => { var b = new byte[1 << 20]; Use(b); }; a(); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; Keep(ref b); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; unsafe { fixed (byte* p = b) { _pointer = (IntPtr)p; } } }")]
    public Task Quiet_when_not_repeated_or_outlives_iteration(string body) => Verify.VerifyAsync(InMethod(body, """
        private byte[] _field;
        private Stream _stream;
        private IntPtr _pointer;
        public byte[] Prop { get; set; }
        static void Keep(ref byte[] b) { }
        """));

    [Fact]
    public Task Quiet_when_returned_or_yielded() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        public class C
        {
            public IEnumerable<byte[]> Chunks(int n)
            {
                for (int i = 0; i < n; i++) { var b = new byte[1 << 20]; yield return b; }
            }

            public byte[] First(bool flag)
            {
                while (flag) { var b = new byte[1 << 20]; if (b.Length > 1) return b; }
                return null;
            }
        }
        """);

    [Fact]
    public Task Static_readonly_size_is_proven() => Verify.VerifyAsync("""
        public class C
        {
            private static readonly int BufferSize = 1 << 20;
            private const int Chunk = 64 * 1024;
            public void M(bool flag)
            {
                while (flag) { var a = {|ALLOC001:new byte[BufferSize]|}; a[0] = 1; }
                while (flag) { var b = {|ALLOC001:new long[Chunk * 2]|}; b[0] = 1; }
            }
        }
        """);

    [Fact]
    public async Task Message_states_bytes_heap_and_time()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("while (flag) { var b = {|ALLOC001:new byte[1 << 20]|}; Use(b); }"));
        string message = diagnostics.Single().GetMessage();
        var estimate = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.RepeatedArrayAllocation(1 << 20, AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference);
        Assert.Equal("'new byte[1 << 20]' allocates and zeroes 1,048,576 bytes (1 MiB) on the Large Object Heap on every loop iteration: about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(estimate.Seconds) + " per iteration on Linux x64", message);
        Assert.True(message.Length <= 200, message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), 1 << 20, estimate.BytesZeroed, estimate.Seconds, "loop-iteration", "linux", "linux-x64-reference");
    }

    [Fact]
    public async Task StringBuilder_message_states_the_large_allocation_without_claiming_zeroing()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("while (flag) { var sb = {|ALLOC001:new StringBuilder(64 * 1024)|}; sb.Append('x'); Use(Encoding.UTF8.GetBytes(sb.ToString())); }"));
        string message = diagnostics.Single().GetMessage();
        var estimate = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.UninitializedArrayAllocation(128 * 1024, AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference);
        Assert.Equal("'new StringBuilder(64 * 1024)' allocates 131,072 bytes (128 KiB) on the Large Object Heap on every loop iteration: about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(estimate.Seconds) + " per iteration on Linux x64", message);
        Assert.DoesNotContain("zero", message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), 128 * 1024, 0, estimate.Seconds, "loop-iteration", "linux", "linux-x64-reference");
    }

    [Fact]
    public async Task Small_object_heap_message_has_no_heap_clause()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("while (flag) { var b = {|ALLOC001:new byte[60_000]|}; Use(b); }"),
            new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC001.threshold_bytes = 50000\n" });
        Assert.DoesNotContain("Large Object Heap", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Threshold_is_configurable() => Verify.VerifyAsync(
        InMethod("while (flag) { var a = {|ALLOC001:new byte[4096]|}; Use(a); var b = new byte[1024]; Use(b); }"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC001.threshold_bytes = 4KiB\n" });

    [Fact]
    public async Task Severity_is_configurable_from_editorconfig()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("while (flag) { var a = {|ALLOC001:new byte[1 << 20]|}; Use(a); }"),
            new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.ALLOC001.severity = error\n" });
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostics.Single().Severity);
    }

    [Fact]
    public Task Severity_none_silences_the_rule() => Verify.VerifyAsync(
        InMethod("while (flag) { var a = new byte[1 << 20]; Use(a); }"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_diagnostic.ALLOC001.severity = none\n" });

    [Fact]
    public void Descriptor_is_a_warning_with_a_help_link_to_its_page()
    {
        var rule = LargeAllocationInLoopAnalyzer.Rule;
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, rule.DefaultSeverity);
        Assert.EndsWith("docs/rules/ALLOC001.md", rule.HelpLinkUri);
        Assert.True(rule.IsEnabledByDefault);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("99999999999999999999999")]
    [InlineData("12 parsecs")]
    public async Task Invalid_threshold_reports_ALLOC900_and_uses_default(string value)
    {
        var diagnostics = await Verify.VerifyAsync(
            InMethod("while (flag) { var a = {|ALLOC001:new byte[1 << 20]|}; Use(a); var b = new byte[4096]; Use(b); }"),
            new TestOptions
            {
                EditorConfig = $"root = true\n[*.cs]\ndotnet_code_quality.ALLOC001.threshold_bytes = {value}\n",
                ExpectedProjectDiagnostics = new[] { "ALLOC900" },
            });
        var configuration = diagnostics.Single(d => d.Id == "ALLOC900");
        Assert.Contains("dotnet_code_quality.ALLOC001.threshold_bytes", configuration.GetMessage());
        Assert.Contains("using 85000 instead", configuration.GetMessage());
    }

    [Fact]
    public Task Generated_code_is_ignored() => Verify.VerifyAsync("""
        // <auto-generated/>
        public class C
        {
            public void M(bool flag) { while (flag) { var b = new byte[1 << 20]; b[0] = 1; } }
        }
        """);

    [Fact]
    public Task StringBuilder_capacity_is_reported_as_uninitialized_on_modern_targets() => Verify.VerifyAsync(
        InMethod("while (flag) { var sb = {|ALLOC001:new StringBuilder(100_000)|}; sb.Append('x'); Use(Encoding.UTF8.GetBytes(sb.ToString())); }"));

    [Theory]
    [InlineData("while (flag) { var b = new byte[1 << 20]")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; Use(b)")]
    [InlineData("for (int i = 0; i < ; i++) { var b = new byte[; }")]
    [InlineData("while (flag) { var b = new byte[1 << 20]; b. }")]
    [InlineData("while (flag) { var b = new Missing[1 << 20]; Use(b); }")]
    [InlineData("while (flag) { var b = new List<>(1 << 20); }")]
    [InlineData("while (flag) { var b = GC.AllocateArray<byte>(); }")]
    [InlineData("while (flag) { var b = new byte[1 << 20][; }")]
    [InlineData("while (flag) { var b = new byte[(1 << 20) * (1 << 20) * (1 << 20)]; Use(b); }")]
    [InlineData("foreach (var x in ) { var b = new byte[1 << 20]; Use(b); }")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        // Whatever is reported, the run must not throw (the runner fails on AD0001).
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LargeAllocationInLoopAnalyzer()));
    }
}
