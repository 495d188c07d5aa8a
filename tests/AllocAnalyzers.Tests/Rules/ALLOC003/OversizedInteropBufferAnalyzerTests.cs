using AllocAnalyzers.Rules.OversizedInteropBuffer;
using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OversizedInteropBuffer.OversizedInteropBufferAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC003;

public class OversizedInteropBufferAnalyzerTests
{
    internal static string InMethod(string body, string members = "") => $$"""
        using System;
        using System.IO;
        using System.Runtime.InteropServices;

        public unsafe partial class C
        {
            [DllImport("libc")] static extern nint read(int fd, byte[] buf, nint count);
            [DllImport("libc", EntryPoint = "read")] static extern nint readp(int fd, byte* buf, nint count);
            [DllImport("libc")] static extern nint recv(int sockfd, byte* buf, nint len, int flags);
            [DllImport("libc")] static extern IntPtr calloc(nuint count, nuint size);
            [DllImport("libc")] static extern void free(IntPtr p);
            [LibraryImport("libc", EntryPoint = "read")] private static partial nint ReadLib(int fd, byte* buf, nint count);
            private static partial nint ReadLib(int fd, byte* buf, nint count) => 0;
            private byte[] _kept;
            private byte[] _field = new byte[1 << 20];
            {{members}}
            public void M(int fd, int count, bool flag, Stream stream, delegate* unmanaged<int, byte*, nint, nint> readFn, delegate*<byte*, nint, void> managedFn)
            {
                {{body}}
            }

            static void Use(ReadOnlySpan<byte> data) { }
        }
        """;

    [Theory]
    [InlineData("var buf = [|new byte[1 << 20]|]; nint n = read(fd, buf, 16384); Use(buf.AsSpan(0, (int)n));")]
    [InlineData("while (flag) { var buf = [|new byte[1 << 20]|]; nint n = read(fd, buf, 16 * 1024); if (n <= 0) break; Use(buf.AsSpan(0, (int)n)); }")]
    [InlineData("var buf = [|new byte[1 << 20]|]; fixed (byte* p = buf) { readp(fd, p, 16384); }")]
    [InlineData("var buf = [|new byte[1 << 20]|]; fixed (byte* p = &buf[0]) { readp(fd, p, 16384); }")]
    [InlineData("byte* p = (byte*)[|NativeMemory.AllocZeroed(1 << 20)|]; readp(fd, p, 16384); NativeMemory.Free(p);")]
    [InlineData("var p = [|NativeMemory.AllocZeroed(1024, 1024)|]; recv(fd, (byte*)p, 4096, 0); NativeMemory.Free(p);")]
    [InlineData("IntPtr p = [|calloc(1, 1 << 20)|]; readp(fd, (byte*)p, 16384); free(p);")]
    [InlineData("byte* p = (byte*)[|NativeMemory.AllocZeroed(1 << 20)|]; ReadLib(fd, p, 16384); NativeMemory.Free(p);")]
    [InlineData("byte* p = (byte*)[|NativeMemory.AllocZeroed(1 << 20)|]; readFn(fd, p, 16384); NativeMemory.Free(p);")]
    [InlineData("nint n = read(fd, [|new byte[1 << 20]|], 16384);")]
    [InlineData("var buf = [|GC.AllocateArray<byte>(1 << 20)|]; read(fd, buf, 16384);")]
    [InlineData("var buf = [|new byte[1 << 20]|]; read(fd, buf, 16384); read(fd, buf, 65536); buf[100] = 1;")]
    [InlineData("var buf = [|new byte[1 << 20]|]; nint n = read(fd, buf, 16384); stream.Write(buf, 0, (int)n);")]
    [InlineData("byte* p = (byte*)[|NativeMemory.AllocZeroed(1 << 20)|]; nint n = readp(fd, p, 16384); Use(new ReadOnlySpan<byte>(p, (int)n)); NativeMemory.Free(p);")]
    [InlineData("const int Chunk = 1 << 20; const int Record = 16384; var buf = [|new byte[Chunk]|]; read(fd, buf, Record);")]
    [InlineData("var buf = [|new byte[1 << 20]|]; Marshal.Copy((IntPtr)fd, buf, 0, 4096); Use(buf.AsSpan(0, 4096));")]
    public Task Flags_zeroed_buffer_larger_than_the_native_length(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("read(fd, _field, 16);")] // allocated once, outside the method
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, buf.Length);")] // the buffer's own length
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, count);")] // unknown length
    [InlineData("var buf = new byte[70_000]; read(fd, buf, 16384);")] // excess under 64 KiB
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 16384); _kept = buf;")] // kept: may be used in full later
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 16384); buf[(1 << 20) - 1] = 1;")] // used in full
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 16384); read(fd, buf, 1 << 20);")] // another call uses it all
    [InlineData("var buf = GC.AllocateUninitializedArray<byte>(1 << 20); read(fd, buf, 16384);")] // not zeroed
    [InlineData("byte* p = (byte*)NativeMemory.Alloc(1 << 20); readp(fd, p, 16384); NativeMemory.Free(p);")] // not zeroed
    [InlineData("var buf = new byte[1 << 20]; stream.Read(buf, 0, 16384);")] // managed call
    [InlineData("var buf = new byte[1 << 20]; Marshal.Copy((IntPtr)fd, buf, 0, count);")] // unknown length
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(1 << 20); managedFn(p, 16384); NativeMemory.Free(p);")] // managed function pointer
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 16384); buf = new byte[16]; read(fd, buf, 16);")] // reassigned
    [InlineData("var buf = new byte[count]; read(fd, buf, 16384);")] // size unknown
    [InlineData("byte* p = (byte*)NativeMemory.AllocZeroed(1 << 20); readp(fd, p + 4096, 16384); NativeMemory.Free(p);")] // offset pointer
    [InlineData("Func<byte[]> f = () => { var b = new byte[1 << 20]; read(0, b, 16); return b; };")] // returned
    // Managed uses that may reach past every native length: the zeros there may be read.
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 4096); Use(buf);")] // whole buffer to managed code
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 4096); for (int i = 0; i < count; i++) buf[i]++;")] // index not provable
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 4096); Use(buf.AsSpan(100));")] // open-ended span
    [InlineData("var buf = new byte[1 << 20]; nint n = read(fd, buf, 4096); n = 1 << 20; Use(buf.AsSpan(0, (int)n));")] // n rewritten
    [InlineData("var buf = new byte[1 << 20]; nint n = read(fd, buf, 4096); Use(buf.AsSpan(0, (int)n + 1));")] // not the call's result
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 4096); Console.WriteLine(buf.Length);")] // Length read
    public Task Quiet_for_look_alikes(string body) => Verify.VerifyAsync(InMethod(body));

    [Fact]
    public async Task Message_states_bytes_call_and_cost()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("var buf = [|new byte[1 << 20]|]; nint n = read(fd, buf, 16384);"));
        string message = diagnostics.Single().GetMessage();
        var profile = AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference;
        double wasted = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.RepeatedArrayAllocation(1 << 20, profile).Seconds
            - AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.RepeatedArrayAllocation(16384, profile).Seconds;
        Assert.Equal("'new byte[1 << 20]' zeroes 1 MiB per call but 'read(fd, buf, 16384)' is given 16 KiB: 1008 KiB zeroed for nothing, about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(wasted) + " per call on Linux x64", message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), 1 << 20, (1 << 20) - 16384, wasted, "call", "linux", "linux-x64-reference");
        Assert.Equal("16384", diagnostics.Single().Properties[AllocAnalyzers.Rules.OversizedInteropBuffer.OversizedInteropBufferAnalyzer.UsedBytesProperty]);
    }

    [Fact]
    public Task Min_excess_is_configurable() => Verify.VerifyAsync(
        InMethod("var a = [|new byte[40_000]|]; read(fd, a, 4096); var b = new byte[20_000]; read(fd, b, 4096);"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC003.min_excess_bytes = 32KiB\n" });

    [Fact]
    public Task Invalid_min_excess_reports_ALLOC900() => Verify.VerifyAsync(
        InMethod("var a = [|new byte[1 << 20]|]; read(fd, a, 4096);"),
        new TestOptions { EditorConfig = "root = true\n[*.cs]\ndotnet_code_quality.ALLOC003.min_excess_bytes = -1\n", ExpectedProjectDiagnostics = new[] { "ALLOC900" } });

    [Theory]
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, ")]
    [InlineData("var buf = new byte[1 << 20]; read(fd, buf, 16384")]
    [InlineData("var buf = new byte[1 << 20]; read(fd, , 16384);")]
    [InlineData("var buf = new byte[1 << 20]; fixed (byte* p = buf) { readp(fd, p, ); }")]
    [InlineData("var buf = new byte[1 << 20]; fixed (byte* p = ) { readp(fd, p, 16); }")]
    [InlineData("var p = NativeMemory.AllocZeroed(); readFn(fd, (byte*)p, 16);")]
    [InlineData("var buf = new Missing[1 << 20]; read(fd, buf, 16384);")]
    [InlineData("var buf = new byte[1 << 20]; readFn(fd, buf, 16384);")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, InMethod(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new OversizedInteropBufferAnalyzer()));
    }
}
