using AllocAnalyzers.Tests.Verification;

namespace AllocAnalyzers.Tests.Robustness;

/// <summary>
/// Half-typed code for every rule at once: a source that exercises all rules is cut off at many
/// points and has token ranges deleted, and every analyzer runs over each broken version. The
/// runner fails on any analyzer exception (AD0001), whatever is reported.
/// </summary>
public class HalfTypedCodeTests
{
    private const string EveryRule = """
        using System;
        using System.Buffers;
        using System.Collections.Generic;
        using System.IO;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;

        public static unsafe partial class Native
        {
            [DllImport("libc", EntryPoint = "read")]
            public static extern nint Read(int fd, byte* buffer, nint count);

            [DllImport("libc")]
            public static extern void* calloc(nuint count, nuint size);

            [DllImport("libc")]
            public static extern void free(void* p);
        }

        public unsafe class EveryRule
        {
            private const int Chunk = 1 << 20;
            private byte[] _kept;

            public long ReadLoop(Stream s, int fd)
            {
                long total = 0;
                for (int i = 0; i < 10; i++)
                {
                    var buffer = new byte[Chunk];
                    Array.Clear(buffer, 0, buffer.Length);
                    fixed (byte* p = buffer) { total += Native.Read(fd, p, 16 * 1024); }
                    total += s.Read(buffer, 0, buffer.Length);
                    var copy = new byte[buffer.Length];
                    Buffer.BlockCopy(buffer, 0, copy, 0, buffer.Length);
                    Span<byte> scratch = stackalloc byte[4096];
                    scratch.Clear();
                    scratch[0] = copy[0];
                }

                while (total > 0)
                {
                    void* block = NativeMemory.AllocZeroed(100 * 1024 * 1024);
                    NativeMemory.Clear(block, 100 * 1024 * 1024);
                    NativeMemory.Free(block);
                    byte* c = (byte*)Native.calloc(1, 1 << 20);
                    Native.free(c);
                    IntPtr h = Marshal.AllocHGlobal(1 << 20);
                    new Span<byte>((void*)h, 1 << 20).Clear();
                    Marshal.FreeHGlobal(h);
                    void* raw = NativeMemory.Alloc(1 << 20);
                    Unsafe.InitBlock(raw, 0, 1 << 20);
                    NativeMemory.Free(raw);
                    total--;
                }

                var list = new List<int>(100_000);
                Array.Fill(_kept ??= new byte[10], (byte)0);
                return total + list.Count;
            }
        }
        """;

    public static IEnumerable<object[]> CutPoints()
    {
        for (int cut = 0; cut < EveryRule.Length; cut += 37) yield return new object[] { cut };
    }

    [Theory]
    [MemberData(nameof(CutPoints))]
    public async Task Truncated_source_does_not_crash_any_analyzer(int cut)
    {
        await RunAsync(EveryRule.Substring(0, cut));
        await RunAsync(EveryRule.Remove(cut, Math.Min(23, EveryRule.Length - cut)));
    }

    [Fact]
    public async Task The_complete_source_is_analyzed_by_every_rule_without_error()
    {
        var diagnostics = await RunAsync(EveryRule);
        Assert.Contains(diagnostics, d => d.Id == "ALLOC001");
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> RunAsync(string source)
    {
        var project = TestWorkspace.CreateProject(new[] { (TestWorkspace.FirstDocumentName, source) }, TestOptions.Default);
        return AnalyzerRunner.RunAsync(project, AllAnalyzers.Create());
    }
}
