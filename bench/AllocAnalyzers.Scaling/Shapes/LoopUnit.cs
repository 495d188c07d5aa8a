namespace AllocAnalyzers.Scaling.Shapes;

/// <summary>
/// One "unit" of buffer work, numbered k so that its locals are distinct within a method: a 1 MiB
/// buffer read into, an <c>int[256]</c> cleared, a 64 KiB buffer filled by <c>ReadExactly</c>, a
/// native block allocated, cleared and freed, and a pinned buffer passed to a P/Invoke with its length.
/// </summary>
internal static class LoopUnit
{
    public static string Body(int k) => $$"""
                    byte[] big{{k}} = new byte[1 << 20];
                    total += stream.Read(big{{k}}, 0, big{{k}}.Length);
                    int[] table{{k}} = new int[256];
                    Array.Clear(table{{k}});
                    table{{k}}[(int)(total & 255)]++;
                    total += table{{k}}[0];
                    byte[] chunk{{k}} = new byte[64 * 1024];
                    stream.ReadExactly(chunk{{k}});
                    total += chunk{{k}}[0];
                    void* block{{k}} = NativeMemory.Alloc(4096);
                    NativeMemory.Clear(block{{k}}, 4096);
                    total += ((byte*)block{{k}})[1];
                    NativeMemory.Free(block{{k}});
                    byte[] packet{{k}} = new byte[512];
                    fixed (byte* p{{k}} = packet{{k}})
                    {
                        total += Native.Fill(p{{k}}, packet{{k}}.Length);
                    }
        """;

    /// <summary>The same work in an async method: no pointers there, so the native and pinned parts become awaited reads.</summary>
    public static string AsyncBody(int k) => $$"""
                    byte[] big{{k}} = new byte[1 << 20];
                    total += await stream.ReadAsync(big{{k}}, 0, big{{k}}.Length);
                    int[] table{{k}} = new int[256];
                    Array.Clear(table{{k}});
                    table{{k}}[(int)(total & 255)]++;
                    total += table{{k}}[0];
                    byte[] chunk{{k}} = new byte[64 * 1024];
                    await stream.ReadExactlyAsync(chunk{{k}});
                    total += chunk{{k}}[0];
                    byte[] small{{k}} = new byte[4096];
                    total += await stream.ReadAsync(small{{k}}.AsMemory());
        """;

    public static string ForLoop(int k, string body) => $$"""
                for (int i{{k}} = 0; i{{k}} < count; i{{k}}++)
                {
        {{body}}
                }
        """;

    /// <summary>The loop written with a label and a backward <c>goto</c>, as generated state machines do.</summary>
    public static string GotoLoop(int k, string body) => $$"""
                int turn{{k}} = 0;
            again{{k}}:
                {
        {{body}}
                }
                if (++turn{{k}} < count) goto again{{k}};
        """;
}
