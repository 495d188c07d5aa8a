using System.Collections.Immutable;
using AllocAnalyzers.Rules.LargeAllocationInLoop;
using AllocAnalyzers.Rules.LargeZeroedStackalloc;
using AllocAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = AllocAnalyzers.Tests.Verification.AnalyzerVerifier<AllocAnalyzers.Rules.LargeZeroedStackalloc.LargeZeroedStackallocAnalyzer>;

namespace AllocAnalyzers.Tests.Analysis.Sizes;

/// <summary>
/// ALLOC005 on a stackalloc whose size is bounded rather than known: <c>Math.Min</c>, <c>Math.Clamp</c>,
/// a mask, or a condition that guards the allocation. The block may be that large, so the message says "up to".
/// </summary>
public class BoundedSizeTests
{
    private static string Copier(string body) => $$"""
        using System;
        using System.IO;

        public class Copier
        {
            public void Copy(Stream input, Stream output, long remaining, int n, int m, bool flag)
            {
                {{body}}
            }

            static void Use(Span<byte> s) { }
        }
        """;

    [Theory]
    [InlineData("Span<byte> buffer = {|ALLOC005:stackalloc byte[(int)Math.Min(0x10000, remaining)]|}; int read = input.Read(buffer); output.Write(buffer.Slice(0, read));")]
    [InlineData("int size = (int)Math.Min(remaining, 8192L); Span<byte> buffer = {|ALLOC005:stackalloc byte[size]|}; int read = input.Read(buffer); output.Write(buffer.Slice(0, read));")]
    [InlineData("Span<byte> buffer = {|ALLOC005:stackalloc byte[Math.Min(Math.Min(n, m), 4096)]|}; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = {|ALLOC005:stackalloc byte[Math.Clamp(n, 16, 4096)]|}; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = {|ALLOC005:stackalloc byte[n & 0xFFF]|}; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = n <= 4096 ? {|ALLOC005:stackalloc byte[n]|} : new byte[n]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = 4096 >= n ? {|ALLOC005:stackalloc byte[n]|} : new byte[n]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = n < 2049 ? {|ALLOC005:stackalloc byte[n]|} : new byte[n]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = n > 4096 ? new byte[n] : {|ALLOC005:stackalloc byte[n]|}; input.ReadExactly(buffer);")]
    [InlineData("if (n > 0 && n <= 2048) { Span<byte> buffer = {|ALLOC005:stackalloc byte[n]|}; input.ReadExactly(buffer); }")]
    [InlineData("if (!(n > 2048)) { Span<byte> buffer = {|ALLOC005:stackalloc byte[n]|}; input.ReadExactly(buffer); }")]
    [InlineData("if (n > 2048) throw new ArgumentOutOfRangeException(nameof(n)); Span<byte> buffer = {|ALLOC005:stackalloc byte[n]|}; input.ReadExactly(buffer);")]
    [InlineData("if (n > 2048 || n < 0) { return; } Span<byte> buffer = {|ALLOC005:stackalloc byte[n]|}; input.ReadExactly(buffer);")]
    public Task Bounded_stackalloc_is_flagged(string body) => Verify.VerifyAsync(Copier(body));

    [Theory]
    [InlineData("Span<byte> buffer = stackalloc byte[Math.Min(n, m)]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = stackalloc byte[Math.Max(n, 4096)]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = n <= 512 ? stackalloc byte[n] : new byte[n]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = n <= 4096 ? new byte[n] : stackalloc byte[n]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = m <= 4096 ? stackalloc byte[n] : new byte[n]; input.ReadExactly(buffer);")]
    [InlineData("if (n <= 2048 || flag) { Span<byte> buffer = stackalloc byte[n]; input.ReadExactly(buffer); }")]
    [InlineData("if (n <= 2048) { n *= 4; Span<byte> buffer = stackalloc byte[n]; input.ReadExactly(buffer); }")]
    [InlineData("if (n > 2048) Console.WriteLine(); Span<byte> buffer = stackalloc byte[n]; input.ReadExactly(buffer);")]
    [InlineData("if (flag) goto big; if (n > 2048) return; big: Span<byte> buffer = stackalloc byte[n]; input.ReadExactly(buffer);")]
    [InlineData("Span<byte> buffer = stackalloc byte[Math.Min(n, 512)]; input.ReadExactly(buffer);")]
    public Task Unbounded_or_small_stackalloc_is_quiet(string body) => Verify.VerifyAsync(Copier(body));

    [Fact]
    public Task A_yield_return_under_the_test_is_not_an_early_exit() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;

        public class Chunks
        {
            public IEnumerable<int> Sizes(Stream input, int n)
            {
                if (n > 2048) yield return n;
                int read;
                {
                    Span<byte> buffer = stackalloc byte[n];
                    read = input.Read(buffer);
                }

                yield return read;
            }

            public IEnumerable<int> Bounded(Stream input, int n)
            {
                if (n > 2048) yield break;
                int read;
                {
                    Span<byte> buffer = {|ALLOC005:stackalloc byte[n]|};
                    read = input.Read(buffer);
                }

                yield return read;
            }
        }
        """);

    [Theory]
    [InlineData("Span<int> counts = stackalloc int[Math.Min(n, 1024)]; for (int i = 0; i < m; i++) counts[i % counts.Length]++; Use(default);")]
    [InlineData("Span<byte> zeros = stackalloc byte[(int)Math.Min(0x10000, remaining)]; output.Write(zeros);")]
    [InlineData("if (n <= 4096) { Span<byte> table = stackalloc byte[n]; if (table[0] == 0) Use(table); }")]
    public Task A_bounded_stack_table_whose_zeros_are_read_stays_quiet(string body) => Verify.VerifyAsync(Copier(body));

    [Fact]
    public async Task Message_says_up_to_the_bound()
    {
        var diagnostics = await Verify.VerifyAsync(Copier(
            "Span<byte> buffer = {|ALLOC005:stackalloc byte[(int)Math.Min(0x10000, remaining)]|}; int read = input.Read(buffer); output.Write(buffer.Slice(0, read));"));
        string message = diagnostics.Single().GetMessage();
        double seconds = AllocAnalyzers.Runtime.Estimates.ManagedAllocationCosts.Clear(65536, AllocAnalyzers.Runtime.Costs.BuiltInProfiles.LinuxReference).Seconds;
        Assert.Equal("'stackalloc byte[(int)Math.Min(0x10000, remaining)]' is zeroed by the JIT each time it runs (no [SkipLocalsInit]): up to 65,536 bytes (64 KiB), about "
            + AllocAnalyzers.Runtime.Formatting.CostFormat.Duration(seconds) + " each time on Linux x64", message);
        Assert.True(message.Length <= 200, message);
        AllocAnalyzers.Tests.Diagnostics.Figures.Assert(diagnostics.Single(), 65536, 65536, seconds, "execution", "linux", "linux-x64-reference");
    }

    [Theory]
    [InlineData("Span<byte> s = stackalloc byte[Math.Min(")]
    [InlineData("Span<byte> s = stackalloc byte[(int)Math.Min(0x10000, ]; Use(s);")]
    [InlineData("Span<byte> s = stackalloc byte[Math.Clamp(n, 16)]; Use(s);")]
    [InlineData("Span<byte> s = n <= 4096 ? stackalloc byte[n] : ; Use(s);")]
    [InlineData("if (n <= ) { Span<byte> s = stackalloc byte[n]; Use(s); }")]
    [InlineData("if (n > 4096) Span<byte> s = stackalloc byte[Math.Max(n, 1 << 20)]; while (flag) { var a = new byte[Math.Max(n, 1 << 20)]; Use(a); }")]
    public async Task Half_typed_code_does_not_crash(string body)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, Copier(body)) }, TestOptions.Default);
        await AnalyzerRunner.RunAsync(project, ImmutableArray.Create<DiagnosticAnalyzer>(new LargeZeroedStackallocAnalyzer(), new LargeAllocationInLoopAnalyzer()));
    }
}
