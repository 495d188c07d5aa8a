using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeAllocationInLoop.LargeAllocationInLoopAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC001;

/// <summary>An [InlineArray(N)] struct is N copies of its field: an array of them is N times larger than the field suggests.</summary>
public class InlineArrayElementTests
{
    private static string Source(string body) => $$"""
        using System;
        using System.Runtime.CompilerServices;

        [InlineArray(4096)]
        public struct Page { private byte _first; }

        [InlineArray(8)]
        public struct Shelf { private Page _first; }

        [InlineArray(512)]
        public struct Samples { private double _first; }

        namespace Imitation
        {
            [AttributeUsage(AttributeTargets.Struct)]
            public sealed class InlineArrayAttribute : Attribute { public InlineArrayAttribute(int length) { } }

            [InlineArray(4096)]
            public struct NotAPage { private byte _first; }
        }

        public class C
        {
            public void M(bool flag)
            {
                {{body}}
            }

            static void Use(Array buffer) { }
        }
        """;

    [Theory]
    // 1,024 pages of 4,096 bytes: 4 MiB per iteration, not 1 KiB.
    [InlineData("while (flag) { var b = {|ALLOC001:new Page[1024]|}; Use(b); }")]
    // Nested: a shelf is 8 pages = 32 KiB, three of them cross the 85,000-byte threshold.
    [InlineData("while (flag) { var b = {|ALLOC001:new Shelf[3]|}; Use(b); }")]
    // 512 doubles = 4 KiB per element.
    [InlineData("while (flag) { var b = {|ALLOC001:GC.AllocateArray<Samples>(32)|}; Use(b); }")]
    public Task Flags_arrays_of_inline_arrays_by_their_full_size(string body) => Verify.VerifyAsync(Source(body));

    [Theory]
    // 20 pages = 80 KiB, two shelves = 64 KiB: under the threshold.
    [InlineData("while (flag) { var b = new Page[20]; Use(b); }")]
    [InlineData("while (flag) { var b = new Shelf[2]; Use(b); }")]
    // An attribute of the same name in another namespace is not the runtime's: 1,024 bytes.
    [InlineData("while (flag) { var b = new Imitation.NotAPage[1024]; Use(b); }")]
    public Task Quiet_below_the_threshold_and_for_look_alikes(string body) => Verify.VerifyAsync(Source(body));

    [Fact]
    public async Task Message_states_the_replicated_size()
    {
        var diagnostics = await Verify.VerifyAsync(Source("while (flag) { var b = {|ALLOC001:new Page[1024]|}; Use(b); }"));
        Assert.Contains("allocates and zeroes 4,194,304 bytes (4 MiB)", diagnostics.Single().GetMessage());
    }
}
