using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OversizedInteropBuffer.OversizedInteropBufferAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC003;

/// <summary>
/// The length that goes with a buffer is found by the declared parameter (its name, a marshalling
/// attribute, its position in the signature), not by where the argument is written.
/// </summary>
public class LengthParameterTests
{
    private const string Members = """
        [DllImport("libc")] static extern nint fill(nint want, [Out, MarshalAs(UnmanagedType.LPArray, SizeParamIndex = 0)] byte[] into);
        [DllImport("libc")] static extern nint peek(nint count, byte[] buf);
        [LibraryImport("libc")] private static partial nint Fetch(nint want, [System.Runtime.InteropServices.Marshalling.MarshalUsing(CountElementName = "want")] byte[] into);
        private static partial nint Fetch(nint want, byte[] into) => 0;
        """;

    private static string InMethod(string body) => OversizedInteropBufferAnalyzerTests.InMethod(body, Members);

    [Theory]
    [InlineData("var buf = [|new byte[1 << 20]|]; read(count: 16384, buf: buf, fd: fd);")]
    [InlineData("var buf = [|new byte[1 << 20]|]; read(fd, count: 16384, buf: buf);")]
    [InlineData("var p = [|NativeMemory.AllocZeroed(1 << 20)|]; recv(flags: 0, len: 4096, buf: (byte*)p, sockfd: fd); NativeMemory.Free(p);")]
    [InlineData("while (flag) { var buf = [|new byte[1 << 20]|]; nint n = read(buf: buf, count: 16 * 1024, fd: fd); if (n <= 0) break; Use(buf.AsSpan(0, (int)n)); }")]
    // The length parameter comes before the buffer, named by the marshalling attribute.
    [InlineData("var buf = [|new byte[1 << 20]|]; fill(4096, buf);")]
    [InlineData("var buf = [|new byte[1 << 20]|]; fill(into: buf, want: 4096);")]
    [InlineData("var buf = [|new byte[1 << 20]|]; Fetch(4096, buf);")]
    public Task Flags_when_the_length_is_passed_out_of_order_or_declared_by_attribute(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    // (start, count) pairs after the buffer, named out of order: a Marshal copy and a managed write of what a read returned.
    [InlineData("var buf = [|new byte[1 << 20]|]; Marshal.Copy(length: 4096, startIndex: 0, destination: buf, source: (IntPtr)fd); Use(buf.AsSpan(0, 4096));")]
    [InlineData("var buf = [|new byte[1 << 20]|]; nint n = read(fd, buf, 16384); stream.Write(count: (int)n, offset: 0, buffer: buf);")]
    public Task Flags_when_start_and_count_are_passed_out_of_order(string body) => Verify.VerifyAsync(InMethod(body));

    [Theory]
    // The buffer's own length, passed by name.
    [InlineData("var buf = new byte[1 << 20]; read(count: buf.Length, buf: buf, fd: fd);")]
    // An unknown length, passed by name.
    [InlineData("var buf = new byte[1 << 20]; read(buf: buf, fd: fd, count: count);")]
    // 'count' is declared before the buffer and nothing ties it to it: writing it after the buffer does not make it the buffer's length.
    [InlineData("var buf = new byte[1 << 20]; peek(buf: buf, count: 16384);")]
    public Task Quiet_when_the_parameter_is_not_a_provably_smaller_length(string body) => Verify.VerifyAsync(InMethod(body));

    [Fact]
    public async Task Message_names_the_length_found_by_name()
    {
        var diagnostics = await Verify.VerifyAsync(InMethod("var buf = [|new byte[1 << 20]|]; read(count: 16384, buf: buf, fd: fd);"));
        Assert.Contains("16 KiB", diagnostics.Single().GetMessage());
    }
}
