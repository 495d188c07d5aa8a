using AllocAnalyzers.CodeFixes.Rules.OversizedInteropBuffer;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.OversizedInteropBuffer.OversizedInteropBufferAnalyzer, AllocAnalyzers.CodeFixes.Rules.OversizedInteropBuffer.OversizedInteropBufferCodeFixProvider>;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OversizedInteropBuffer.OversizedInteropBufferAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC003;

/// <summary>ALLOC003 at the call of an allocation wrapper whose zeroed buffer a native call uses only in part.</summary>
public class AllocationWrapperTests
{
    private const string Members = """
        private static byte[] NewBuffer(int size) => new byte[size];
        private static byte[] Pooled(int size) => System.Buffers.ArrayPool<byte>.Shared.Rent(size);
        """;

    [Fact]
    public async Task Reports_the_wrapper_call_without_a_shrink_fix()
    {
        var source = OversizedInteropBufferAnalyzerTests.InMethod("var buf = [|NewBuffer(1 << 20)|]; nint n = read(fd, buf, 16384); Use(buf.AsSpan(0, (int)n));", Members);
        await Verify.VerifyAsync(source);
        await Fix.VerifyNoFixAsync(source, ShrinkInteropBufferFix.Key);
    }

    [Theory]
    // The native call may use all of it.
    [InlineData("var buf = NewBuffer(1 << 20); nint n = read(fd, buf, buf.Length); Use(buf.AsSpan(0, (int)n));")]
    // A rented array is not zeroed.
    [InlineData("var buf = Pooled(1 << 20); nint n = read(fd, buf, 16384); Use(buf.AsSpan(0, (int)n));")]
    public Task Stays_quiet_on_look_alikes(string body) => Verify.VerifyAsync(OversizedInteropBufferAnalyzerTests.InMethod(body, Members));
}
