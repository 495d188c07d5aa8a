using AllocAnalyzers.Rules.RedundantClear;

namespace AllocAnalyzers.Tests.Analysis;

/// <summary>
/// Every rule reads one model of a buffer and one classifier of its uses, so what one rule knows,
/// all do: these cases were invisible to ALLOC002 while other rules saw them.
/// </summary>
public class UnifiedModelTests
{
    [Fact]
    public async Task A_calloc_import_is_zeroed_memory_for_ALLOC002_too()
    {
        var diagnostics = await new StandaloneCompilation("""
            using System.Runtime.InteropServices;

            public static unsafe class C
            {
                [DllImport("libc")] private static extern void* calloc(nuint count, nuint size);
                [DllImport("libc")] private static extern void free(void* p);

                public static void M()
                {
                    byte* p = (byte*)calloc(1, 4096);
                    NativeMemory.Clear(p, 4096);
                    p[0] = 1;
                    free(p);
                }
            }
            """, new RedundantClearAnalyzer()).WholeAsync();
        var location = Assert.Single(diagnostics).Location;
        Assert.Equal("NativeMemory.Clear(p, 4096)", location.SourceTree!.GetText().ToString(location.SourceSpan));
    }

    [Fact]
    public async Task A_read_only_span_consumer_does_not_write_the_buffer()
    {
        var diagnostics = await new StandaloneCompilation("""
            using System;
            using System.IO;

            public static class C
            {
                public static void M(Stream stream)
                {
                    var b = new byte[4096];
                    stream.Write(b.AsSpan());
                    Array.Clear(b);
                    stream.Write(b);
                }
            }
            """, new RedundantClearAnalyzer()).WholeAsync();
        Assert.Equal("ALLOC002", Assert.Single(diagnostics).Id);
    }
}
