using AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Tests.Verification;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;
using VerifyFix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<
    AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer,
    AllocAnalyzers.CodeFixes.Rules.LargeAllocationInLoop.LargeAllocationInLoopCodeFixProvider>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

/// <summary>A proven lower bound at or above the threshold proves it: the message says "at least".</summary>
public class LowerBoundTests
{
    private static string Chunks(string body) => $$"""
        using System;
        using System.IO;

        public class Chunks
        {
            public void Copy(Stream input, Stream output, int n, bool more)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("while (more) { var b = {|ALLOC001:new byte[Math.Max(n, 1 << 20)]|}; int k = input.Read(b); output.Write(b, 0, k); }")]
    [InlineData("while (more) { var b = {|ALLOC001:new long[Math.Clamp(n, 1 << 17, 1 << 20)]|}; b[0] = 1; }")]
    [InlineData("while (more) { var b = n >= 100_000 ? {|ALLOC001:new byte[n]|} : null; input.ReadExactly(b); }")]
    public Task A_lower_bound_at_the_threshold_is_flagged(string body) => Verify.VerifyAsync(Chunks(body));

    [Theory]
    [InlineData("while (more) { var b = new byte[Math.Max(n, 4096)]; input.ReadExactly(b); }")]
    [InlineData("while (more) { var b = new byte[Math.Min(n, 1 << 20)]; input.ReadExactly(b); }")]
    [InlineData("while (more) { var b = new byte[Math.Max(n, more ? 1 << 20 : 0)]; input.ReadExactly(b); }")]
    public Task No_lower_bound_at_the_threshold_is_quiet(string body) => Verify.VerifyAsync(Chunks(body));

    [Fact]
    public async Task Message_says_at_least()
    {
        var diagnostics = await Verify.VerifyAsync(Chunks("while (more) { var b = {|ALLOC001:new byte[Math.Max(n, 1 << 20)]|}; input.ReadExactly(b); }"));
        string message = diagnostics.Single().GetMessage();
        Assert.StartsWith("'new byte[Math.Max(n, 1 << 20)]' allocates and zeroes at least 1,048,576 bytes (1 MiB) on the Large Object Heap on every loop iteration: about ", message);
        Assert.True(message.Length <= 200, message);
    }

    [Fact]
    public Task Hoisting_is_not_offered_for_a_size_that_may_change_between_iterations() => VerifyFix.VerifyNoFixAsync(
        Chunks("while (more) { var b = {|ALLOC001:new byte[Math.Max(n, 1 << 20)]|}; n = input.Read(b); output.Write(b, 0, n); }"), HoistAllocationFix.Key);

    [Fact]
    public Task Renting_is_not_offered_for_a_size_that_may_change_between_iterations() => VerifyFix.VerifyNoFixAsync(
        Chunks("while (more) { var b = {|ALLOC001:new byte[Math.Max(n, 1 << 20)]|}; n = input.Read(b); output.Write(b, 0, n); }"), RentFromArrayPoolFix.Key);
}
