using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer, AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop.LargeAllocationInLoopCodeFixProvider>;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

/// <summary>ALLOC001 at the call of an allocation wrapper in a loop.</summary>
public class AllocationWrapperTests
{
    private static string Reader(string loop, string wrapper) => $$"""
        using System;
        using System.IO;

        public class Reader
        {
            public long Drain(Stream s)
            {
                long total = 0;
                {{loop}}
                return total;
            }

            {{wrapper}}
        }
        """;

    [Theory]
    [InlineData("private static byte[] NewBuffer(int size) => new byte[size];")]
    [InlineData("private static byte[] NewBuffer(int size) { var b = new byte[size]; return b; }")]
    [InlineData("private static T[] NewBuffer<T>(int size) => new T[size];")]
    public async Task Reports_the_wrapper_call_in_the_loop_with_the_size_from_the_call(string wrapper)
    {
        string call = wrapper.Contains("<T>") ? "NewBuffer<byte>(1 << 20)" : "NewBuffer(1 << 20)";
        var source = Reader("while (true) { var b = {|ALLOC001:" + call + "|}; int n = s.Read(b, 0, b.Length); if (n == 0) break; total += n; }", wrapper);
        var diagnostics = await Verify.VerifyAsync(source);
        Assert.Contains("allocates and zeroes 1,048,576 bytes", diagnostics.Single().GetMessage());
        // The fixes rewrite an allocation written out; a wrapper's call is left to the author.
        await Fix.VerifyNoFixAsync(source, RentFromArrayPoolFix.Key);
    }

    [Theory]
    // The wrapper writes the buffer before returning it: not an allocation as the caller sees it.
    [InlineData("private static byte[] NewBuffer(int size) { var b = new byte[size]; b[0] = 1; return b; }")]
    // Two returns: which buffer arrives depends on the path.
    [InlineData("private static byte[] NewBuffer(int size) { if (size > 100) return new byte[size]; return Array.Empty<byte>(); }")]
    // A virtual wrapper may be overridden.
    [InlineData("protected virtual byte[] NewBuffer(int size) => new byte[size];")]
    // It hands out a cached array.
    [InlineData("private static readonly byte[] Cache = new byte[1 << 20]; private static byte[] NewBuffer(int size) => Cache;")]
    public Task Stays_quiet_when_the_call_is_not_a_fresh_allocation(string wrapper) =>
        Verify.VerifyAsync(Reader("while (true) { var b = NewBuffer(1 << 20); int n = s.Read(b, 0, b.Length); if (n == 0) break; total += n; }", wrapper));

    [Fact]
    public Task Stays_quiet_when_the_wrapped_buffer_is_kept() => Verify.VerifyAsync(Reader(
        "var all = new System.Collections.Generic.List<byte[]>(); for (int i = 0; i < 4; i++) all.Add(NewBuffer(1 << 20)); total = all.Count;",
        "private static byte[] NewBuffer(int size) => new byte[size];"));
}
