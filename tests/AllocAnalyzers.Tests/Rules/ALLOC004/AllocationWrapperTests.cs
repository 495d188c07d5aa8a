using AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation;
using Fix = AllocAnalyzers.Tests.Verification.CodeFixVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer, AllocAnalyzers.CodeFixes.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationCodeFixProvider>;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.OverwrittenZeroedAllocation.OverwrittenZeroedAllocationAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC004;

/// <summary>ALLOC004 at the call of an allocation wrapper whose array is overwritten at once.</summary>
public class AllocationWrapperTests
{
    private static string Copier(string body) => $$"""
        using System;
        using System.IO;

        public class Copier
        {
            private const int BlockSize = 64 * 1024;

            public byte[] Copy(Stream s, byte[] source)
            {
                {{body}}
            }

            private static byte[] NewBlock(int size) => new byte[size];
        }
        """;

    [Fact]
    public async Task Reports_the_wrapper_call_overwritten_in_full()
    {
        var source = Copier("var block = {|ALLOC004:NewBlock(BlockSize)|}; s.ReadExactly(block); return block;");
        await Verify.VerifyAsync(source);
        await Fix.VerifyNoFixAsync(source, UseUninitializedArrayFix.Key);
    }

    [Theory]
    [InlineData("var block = NewBlock(BlockSize); s.ReadExactly(block.AsSpan(0, 16)); return block;")]
    [InlineData("var block = NewBlock(BlockSize); int n = s.Read(block, 0, block.Length); return block;")]
    public Task Stays_quiet_when_part_of_the_zeros_survive(string body) => Verify.VerifyAsync(Copier(body));
}
