using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeZeroedStackalloc.LargeZeroedStackallocAnalyzer>;

namespace AllocAnalyzers.Tests.Rules.ALLOC005;

/// <summary>ALLOC005 and callees that read the zeros: a histogram handed to a method that counts into it.</summary>
public class ZeroReadingCalleeTests
{
    private static string Histogram(string count) => $$"""
        using System;
        public static class Histograms
        {
            {{count}}

            public static int MostCommon(ReadOnlySpan<byte> data)
            {
                Span<int> counts = {{"{|"}}ALLOC005:stackalloc int[256]{{"|}"}};
                Count(data, counts);
                int best = 0;
                for (int i = 1; i < 256; i++) if (counts[i] > counts[best]) best = i;
                return best;
            }
        }
        """;

    [Theory]
    [InlineData("static void Count(ReadOnlySpan<byte> data, Span<int> counts) { foreach (byte b in data) counts[b]++; }")]
    [InlineData("static void Count(ReadOnlySpan<byte> data, Span<int> counts) { foreach (byte b in data) counts[b] += 1; }")]
    [InlineData("static void Count(ReadOnlySpan<byte> data, Span<int> counts) { for (int i = 0; i < data.Length; i++) ++counts[data[i]]; }")]
    public Task Stays_quiet_when_the_callee_counts_into_the_zeros(string count) =>
        Verify.VerifyAsync(Histogram(count).Replace("{|ALLOC005:", string.Empty).Replace("|}", string.Empty));

    [Theory]
    // The callee writes every element before it reads one: the zeros are never seen.
    [InlineData("static void Count(ReadOnlySpan<byte> data, Span<int> counts) { counts.Fill(1); }")]
    [InlineData("static void Count(ReadOnlySpan<byte> data, Span<int> counts) { for (int i = 0; i < counts.Length; i++) counts[i] = data.Length; }")]
    public Task Reports_when_the_callee_only_writes(string count) => Verify.VerifyAsync(Histogram(count));
}
