using AllocAnalyzers.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Rules.OversizedInteropBuffer;
using AllocAnalyzers.Rules.OverwrittenZeroedAllocation;
using AllocAnalyzers.Rules.RedundantClear;
using AllocAnalyzers.Tests.Verification;

namespace AllocAnalyzers.Tests.Rules;

/// <summary>
/// An array beyond the runtime's limits (more than Array.MaxLength elements, a dimension over it, more
/// than 2^32 elements in a multi-dimensional array, an element type over 65,535 bytes) can only throw:
/// no rule prices it or reports it. The limits themselves are allowed. A clear of nothing is not reported.
/// </summary>
public class ImpossibleArraySizeTests
{
    private static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        [InlineArray(65535)] public struct Largest { private byte _first; }
        [InlineArray(65536)] public struct TooLarge { private byte _first; }

        public class C
        {
            [DllImport("libc")] static extern nint read(int fd, byte[] buf, nint count);

            public byte[] M(bool flag, int fd, Stream stream, int n)
            {
                {{body}}
                return null;
            }

            static void Use(Array b) { }
        }
        """;

    [Theory]
    [InlineData("while (flag) { var b = new byte[int.MaxValue]; Use(b); }")]
    [InlineData("while (flag) { var b = new byte[0x7FFFFFC8]; Use(b); }")]
    [InlineData("while (flag) { var b = new long[1L << 40]; Use(b); }")]
    [InlineData("while (flag) { var b = GC.AllocateArray<byte>(int.MaxValue); Use(b); }")]
    [InlineData("while (flag) { var b = new byte[70_000, 70_000]; Use(b); }")]
    [InlineData("while (flag) { var b = new byte[2, int.MaxValue]; Use(b); }")]
    [InlineData("while (flag) { var l = new List<long>(int.MaxValue); l.Add(1); }")]
    [InlineData("while (flag) { var b = new TooLarge[2]; Use(b); }")]
    public Task ALLOC001_is_quiet_for_arrays_that_can_only_throw(string body) =>
        AnalyzerVerifier<LargeAllocationInLoopAnalyzer>.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[0x7FFFFFC7]|}; Use(b); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new byte[2, 0x7FFFFFC7]|}; Use(b); }")]
    [InlineData("while (flag) { var b = {|ALLOC001:new Largest[2]|}; Use(b); }")]
    public Task ALLOC001_still_flags_arrays_at_the_limits(string body) =>
        AnalyzerVerifier<LargeAllocationInLoopAnalyzer>.VerifyAsync(InMethod(body));

    [Theory]
    [InlineData("var b = new byte[int.MaxValue]; Array.Clear(b); Use(b);")]
    [InlineData("var b = GC.AllocateArray<long>(int.MaxValue); b.AsSpan().Clear(); Use(b);")]
    [InlineData("var b = new TooLarge[n]; Array.Clear(b); Use(b);")]
    // Nothing to clear: a zero-length array, a zero-length range.
    [InlineData("var b = new byte[0]; Array.Clear(b); Use(b);")]
    [InlineData("var b = new byte[4096]; Array.Clear(b, 0, 0); Use(b);")]
    public Task ALLOC002_is_quiet_for_impossible_arrays_and_empty_clears(string body) =>
        AnalyzerVerifier<RedundantClearAnalyzer>.VerifyAsync(InMethod(body));

    [Fact]
    public Task ALLOC002_still_flags_a_one_element_clear() =>
        AnalyzerVerifier<RedundantClearAnalyzer>.VerifyAsync(InMethod("var b = new byte[4096]; {|ALLOC002:Array.Clear(b, 0, 1)|}; Use(b);"));

    [Fact]
    public Task ALLOC003_is_quiet_for_an_impossible_buffer() =>
        AnalyzerVerifier<OversizedInteropBufferAnalyzer>.VerifyAsync(InMethod("var buf = new byte[int.MaxValue]; read(fd, buf, 16384);"));

    [Fact]
    public Task ALLOC004_is_quiet_for_an_impossible_buffer() =>
        AnalyzerVerifier<OverwrittenZeroedAllocationAnalyzer>.VerifyAsync(InMethod("var b = new byte[int.MaxValue]; stream.ReadExactly(b); return b;"));
}
